using System.Text.Json.Serialization;
using Microsoft.OpenApi;

namespace Labelkoz.Web.Features.OpenData;

public static class OpenDataModule
{
    public const string DocumentName = "v1";

    /// <summary>The OpenAPI description of the open-data API (and only of it), served at <c>/openapi/v1.json</c>.</summary>
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Enums travel by name ("Submitted", "Sport"): readable, and stable if their numbers move.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(OpenDataEndpoints.Prefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Labelkoz — données ouvertes",
                    Version = "v1",
                    Description =
                        "Les données publiques des villes de la plateforme Labelkoz et des projets citoyens qui leur sont proposés, " +
                        "en lecture seule et sans authentification. Seuls les projets publics y figurent : ni brouillon, ni projet masqué " +
                        "par la ville, ni projet en attente de publication ; aucune adresse électronique, aucune adresse postale de " +
                        "personne ni aucun identifiant de compte. Les montants sont en centimes d'euro, les dates en UTC (ISO 8601). " +
                        "Les erreurs suivent le format « problem+json » (RFC 9457).",
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }
}
