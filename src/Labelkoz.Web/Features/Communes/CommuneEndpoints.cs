using System.ComponentModel;
using Labelkoz.Web.Features.OpenData;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Communes;

/// <summary>
/// The official list of communes in the open-data API, for the sign-up form's suggestions (and
/// anyone else): a bounded search, read-only, without authentication.
/// </summary>
public static class CommuneEndpoints
{
    public static IEndpointRouteBuilder MapCommunesOpenData(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var api = app.MapGroup(OpenDataEndpoints.Prefix)
            .WithTags("Données ouvertes")
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
                return await next(context);
            });

        api.MapGet("/communes", SearchCommunesAsync)
            .WithName("SearchCommunes")
            .WithSummary("Recherche dans la liste officielle des communes")
            .WithDescription(
                "Les communes françaises actuelles (liste officielle d'Etalab, « découpage administratif ») dont le nom contient " +
                "la recherche, accents, majuscules et tirets ignorés (le nom exact d'abord, puis les noms qui commencent par la " +
                "recherche, les plus peuplées d'abord), ou, si la recherche n'est faite que de chiffres, dont un code postal " +
                "commence par ces chiffres. Au plus 20 communes ; une recherche de moins de 2 caractères n'en donne aucune.")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<CommuneResponse>>, ValidationProblem>> SearchCommunesAsync(
        [Description("Nom (ou début de nom) de la commune, ou début de son code postal ; 100 caractères au plus.")] string? q,
        CommuneCatalog catalog,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (q?.Length > CommuneCatalog.MaxQueryLength)
        {
            var errors = new Dictionary<string, string[]>
            {
                ["q"] = [l["La recherche ne doit pas dépasser {0} caractères.", CommuneCatalog.MaxQueryLength]],
            };
            return TypedResults.ValidationProblem(errors, title: l["Paramètres de recherche invalides."], detail: errors["q"][0]);
        }

        var matches = await catalog.SearchAsync(q, CommuneCatalog.MaxResults, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CommuneResponse>>(matches.Select(CommuneResponse.From).ToList());
    }
}

[Description("Une commune française de la liste officielle (Etalab).")]
public sealed record CommuneResponse(
    [property: Description("Code officiel géographique INSEE de la commune (5 caractères).")] string InseeCode,
    [property: Description("Nom officiel de la commune.")] string Name,
    [property: Description("Numéro SIREN de la commune (9 chiffres), ou null s'il n'est pas connu.")] string? Siren,
    [property: Description("Population municipale, ou null si elle n'est pas connue.")] int? Population,
    [property: Description("Code du département (par exemple « 93 », « 2A », « 971 »).")] string Department,
    [property: Description("Codes postaux de la commune.")] IReadOnlyList<string> PostalCodes,
    [property: Description("L'intercommunalité (EPCI) dont la commune est membre, ou null.")] EpciResponse? Epci)
{
    internal static CommuneResponse From(CommuneMatch match) => new(
        match.InseeCode,
        match.Name,
        match.Siren,
        match.Population,
        match.DepartmentCode,
        match.PostalCodes,
        match.EpciSiren is { } siren ? new EpciResponse(siren, match.EpciName ?? string.Empty) : null);
}

[Description("Un établissement public de coopération intercommunale.")]
public sealed record EpciResponse(
    [property: Description("Numéro SIREN de l'EPCI.")] string Siren,
    [property: Description("Nom de l'EPCI.")] string Name);
