using System.ComponentModel;
using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.OpenData;

/// <summary>
/// The calls for projects in the open-data API. Public data only: a draft never appears, and an
/// application never does; after the decision, only the links to the winners' public projects.
/// No tenant is set on these routes, so every query filters by municipality itself.
/// </summary>
public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallsOpenData(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var api = app.MapGroup(OpenDataEndpoints.Prefix)
            .WithTags("Données ouvertes")
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
                return await next(context);
            });

        api.MapGet("/municipalities/{citySlug}/calls", ListCallsAsync)
            .WithName("ListCalls")
            .WithSummary("Appels à projets d'une ville")
            .WithDescription("Les appels à projets publiés d'une ville (ouverts, en cours d'examen, attribués ou annulés ; jamais un brouillon), les ouverts d'abord.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/calls/{id:long}", GetCallAsync)
            .WithName("GetCall")
            .WithSummary("Un appel à projets")
            .WithDescription("Un appel à projets publié, avec l'offre de la ville, les critères et leurs poids, les questions posées et, une fois attribué, les liens vers les projets lauréats. Aucune donnée de candidat.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<CallSummaryResponse>>, ProblemHttpResult>> ListCallsAsync(
        [Description("Identifiant de la ville dans les adresses, par exemple « montreuil ».")] string citySlug,
        AppDbContext db,
        HttpContext http,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var city = await db.Municipalities.AsNoTracking().Where(m => m.Slug == citySlug).Select(m => (long?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return NotFound(l, l["Aucune ville n'a l'identifiant « {0} ».", citySlug]);
        }

        var rows = await Summaries(db, db.Calls.AsNoTracking().Where(c => c.MunicipalityId == city && c.Status != CallStatus.Draft)).ToListAsync(cancellationToken);
        var root = Root(http.Request);
        return TypedResults.Ok<IReadOnlyList<CallSummaryResponse>>([.. rows
            .OrderBy(r => r.Status == CallStatus.Open ? 0 : 1)
            .ThenBy(r => r.Status == CallStatus.Open ? r.ClosesAtUtc.Ticks : -r.ClosesAtUtc.Ticks)
            .ThenBy(r => r.Id)
            .Select(r => r.ToResponse(root))]);
    }

    internal static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> GetCallAsync(
        [Description("Identifiant de l'appel.")] long id,
        AppDbContext db,
        HttpContext http,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var row = await Summaries(db, db.Calls.AsNoTracking().Where(c => c.Id == id && c.Status != CallStatus.Draft)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound(l, l["Aucun appel à projets publié n'a l'identifiant {0}.", id]);
        }

        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Description,
                c.AcceptsIndividuals,
                c.AcceptsAssociations,
                c.AcceptsCompanies,
                c.WinnersCount,
                c.PublishedAtUtc,
                c.ClosedAtUtc,
                c.DecidedAtUtc,
                c.CancelledAtUtc,
                c.CancelReason,
            })
            .SingleAsync(cancellationToken);
        var offer = await db.Commitments.AsNoTracking()
            .Where(o => o.CallId == id)
            .OrderBy(o => o.Position)
            .Select(o => new CallOfferResponse(o.Kind, o.Description, o.EstimatedValueCents, o.CoFinancing, o.GrantCents, o.MatchRatioPercent, o.MatchCapCents))
            .ToListAsync(cancellationToken);
        var criteria = await db.CallCriteria.AsNoTracking()
            .Where(c => c.CallId == id)
            .OrderBy(c => c.Position)
            .Select(c => new CallCriterionResponse(c.Name, c.Description, c.WeightPercent))
            .ToListAsync(cancellationToken);
        var questions = await db.CallQuestions.AsNoTracking()
            .Where(q => q.CallId == id)
            .OrderBy(q => q.Position)
            .Select(q => new CallQuestionResponse(q.Label, q.Help, q.Kind, q.IsRequired))
            .ToListAsync(cancellationToken);
        var root = Root(http.Request);
        var winners = row.Status != CallStatus.Decided ? [] : (await db.Projects.AsNoTracking()
                .Where(Project.PublicRule)
                .Where(p => p.CallId == id)
                .OrderBy(p => p.Title)
                .Select(p => new { p.Id, p.Title })
                .ToListAsync(cancellationToken))
            .Select(p => new CallWinnerResponse(p.Id, p.Title, $"{root}{OpenDataEndpoints.Prefix}/projects/{p.Id}", root + ProjectPaths.Page(row.CitySlug, p.Id, p.Title)))
            .ToList();
        return TypedResults.Ok(new CallResponse(
            row.ToResponse(root),
            call.Description,
            [.. CallsPublicText.Eligible(call.AcceptsIndividuals, call.AcceptsAssociations, call.AcceptsCompanies)],
            call.WinnersCount,
            call.PublishedAtUtc,
            call.ClosedAtUtc,
            call.DecidedAtUtc,
            call.CancelledAtUtc,
            call.CancelReason,
            offer,
            criteria,
            questions,
            winners));
    }

    private static IQueryable<CallRow> Summaries(AppDbContext db, IQueryable<Call> calls) =>
        from c in calls
        join m in db.Municipalities on c.MunicipalityId equals m.Id
        select new CallRow(
            c.Id,
            m.Slug,
            c.Title,
            c.Status,
            c.Category,
            db.Neighbourhoods.Where(n => n.Id == c.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
            c.BudgetEnvelopeCents,
            c.OpensAtUtc,
            c.ClosesAtUtc);

    private static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static ProblemHttpResult NotFound(IStringLocalizer l, string detail) =>
        TypedResults.Problem(title: l["Ressource introuvable."], detail: detail, statusCode: StatusCodes.Status404NotFound);

    private sealed record CallRow(long Id, string CitySlug, string Title, CallStatus Status, ProjectCategory? Category, string? NeighbourhoodName, long BudgetEnvelopeCents, DateTime OpensAtUtc, DateTime ClosesAtUtc)
    {
        public CallSummaryResponse ToResponse(string root) => new(
            Id,
            CitySlug,
            Title,
            Status,
            Category,
            NeighbourhoodName,
            BudgetEnvelopeCents,
            OpensAtUtc,
            ClosesAtUtc,
            new CallLinks($"{root}{OpenDataEndpoints.Prefix}/calls/{Id}", root + CallPaths.Page(CitySlug, Id)));
    }
}

/// <summary>A published call in a list.</summary>
public sealed record CallSummaryResponse(
    long Id,
    string Municipality,
    string Title,
    CallStatus Status,
    ProjectCategory? Category,
    string? Neighbourhood,
    long BudgetEnvelopeCents,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc,
    CallLinks Links);

/// <summary>The addresses of a call: in the API and on the city's site.</summary>
public sealed record CallLinks(string Self, string Html);

/// <summary>A published call with everything public about it.</summary>
public sealed record CallResponse(
    CallSummaryResponse Call,
    string? Description,
    IReadOnlyList<HolderType> EligibleApplicants,
    int WinnersCount,
    DateTime? PublishedAtUtc,
    DateTime? ClosedAtUtc,
    DateTime? DecidedAtUtc,
    DateTime? CancelledAtUtc,
    string? CancelReason,
    IReadOnlyList<CallOfferResponse> Offer,
    IReadOnlyList<CallCriterionResponse> Criteria,
    IReadOnlyList<CallQuestionResponse> Questions,
    IReadOnlyList<CallWinnerResponse> Winners);

/// <summary>One commitment the city offers the winners (amounts in cents).</summary>
public sealed record CallOfferResponse(CommitmentKind Kind, string Description, long? EstimatedValueCents, CoFinancingMode? CoFinancing, long? GrantCents, int? MatchRatioPercent, long? MatchCapCents);

public sealed record CallCriterionResponse(string Name, string? Description, int WeightPercent);

public sealed record CallQuestionResponse(string Label, string? Help, QuestionKind Kind, bool Required);

/// <summary>A winner, by its public project only: never the applicant.</summary>
public sealed record CallWinnerResponse(long ProjectId, string Title, string Self, string Html);
