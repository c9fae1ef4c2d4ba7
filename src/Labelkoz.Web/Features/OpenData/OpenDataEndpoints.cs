using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.OpenData;

/// <summary>
/// The read-only open-data API under <c>/api/v1</c>, its OpenAPI document and its reference page.
/// No tenant is set on these routes (their city parameter is deliberately not named <c>slug</c>),
/// so every query filters by municipality and by public visibility itself.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Prefix = "/api/v1";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        app.MapApiReference();

        var api = app.MapGroup(Prefix)
            .WithTags("Données ouvertes")
            .AddEndpointFilter(async (context, next) =>
            {
                // Open data: any site may read it from a browser (simple GET requests, no credentials).
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
                return await next(context);
            });

        api.MapGet("/municipalities", ListMunicipalitiesAsync)
            .WithName("ListMunicipalities")
            .WithSummary("Liste des villes")
            .WithDescription("Toutes les villes de la plateforme, avec leurs quartiers et le nombre de leurs projets publics, par ordre alphabétique.");

        api.MapGet("/municipalities/{citySlug}", GetMunicipalityAsync)
            .WithName("GetMunicipality")
            .WithSummary("Une ville")
            .WithDescription("Une ville, désignée par son identifiant dans les adresses (par exemple « montreuil »).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/municipalities/{citySlug}/projects", ListProjectsAsync)
            .WithName("ListProjects")
            .WithSummary("Projets publics d'une ville")
            .WithDescription(
                "Les projets publics d'une ville (ni brouillon, ni projet masqué, ni projet en attente de publication), " +
                "du plus récemment publié au plus ancien, page par page. Filtres combinables : étape, catégorie, quartier, " +
                "label de la ville en cours et recherche plein texte (sans tenir compte des accents ni des majuscules). " +
                "Chaque projet porte son label (« label ») : ses dates et les engagements de la ville, ou null.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/projects/{id:long}", GetProjectAsync)
            .WithName("GetProject")
            .WithSummary("Un projet public")
            .WithDescription("Un projet public, désigné par son identifiant, avec le label de la ville et ses engagements (« label », null si le projet n'a jamais été labellisé).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Anything else under the API answers in the API's own language: a problem, not an HTML page.
        api.MapFallback((IStringLocalizer<SharedResource> l) => NotFound(l, l["Cette adresse n'existe pas dans l'API."]))
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<MunicipalityResponse>>> ListMunicipalitiesAsync(AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var rows = await Municipalities(db, db.Municipalities.OrderBy(m => m.Name).ThenBy(m => m.Slug)).ToListAsync(cancellationToken);
        var root = Root(http.Request);
        return TypedResults.Ok<IReadOnlyList<MunicipalityResponse>>(rows.Select(m => m.ToResponse(root)).ToList());
    }

    internal static async Task<Results<Ok<MunicipalityResponse>, ProblemHttpResult>> GetMunicipalityAsync(
        [Description("Identifiant de la ville dans les adresses, par exemple « montreuil ».")] string citySlug,
        AppDbContext db,
        HttpContext http,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var slug = citySlug.Trim().ToLowerInvariant();
        var row = await Municipalities(db, db.Municipalities.Where(m => m.Slug == slug)).SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? UnknownCity(l, citySlug)
            : TypedResults.Ok(row.ToResponse(Root(http.Request)));
    }

    internal static async Task<Results<Ok<ProjectPageResponse>, ValidationProblem, ProblemHttpResult>> ListProjectsAsync(
        [Description("Identifiant de la ville dans les adresses, par exemple « montreuil ».")] string citySlug,
        [Description("Étape du projet, par son nom (insensible à la casse) : Submitted, InReview, ChangesRequested, Labelled, Declined, Funding, Funded, NotFunded, InProgress, Completed, Withdrawn, LabelRevoked.")] string? status,
        [Description("Catégorie, par son nom (insensible à la casse) : Sport, Culture, Environment, Solidarity, Mobility, Education, Urbanism, Economy, Health, Other.")] string? category,
        [Description("Identifiant d'un quartier de la ville (voir la ville).")] string? neighbourhood,
        [Description("Recherche plein texte dans le titre, le résumé et la description ; chaque mot doit être présent, accents et majuscules ignorés.")] string? q,
        [Description("true : seulement les projets qui portent aujourd'hui le label de la ville (ni retiré, ni arrivé à échéance) ; false : seulement les autres.")] string? labelled,
        [Description("Numéro de page, à partir de 1 (1 par défaut).")] string? page,
        [Description("Nombre de projets par page, de 1 à 100 (20 par défaut).")] string? pageSize,
        AppDbContext db,
        HttpContext http,
        TimeProvider clock,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var slug = citySlug.Trim().ToLowerInvariant();
        var city = await db.Municipalities.AsNoTracking()
            .Where(m => m.Slug == slug)
            .Select(m => new { m.Id, Neighbourhoods = m.Neighbourhoods.Select(n => n.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return UnknownCity(l, citySlug);
        }

        var query = ProjectQuery.Parse(l, status, category, neighbourhood, labelled, page, pageSize, city.Neighbourhoods);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                query.Errors,
                title: l["Paramètres de recherche invalides."],
                detail: string.Join(" ", query.Errors.SelectMany(e => e.Value)),
                extensions: new Dictionary<string, object?> { ["validValues"] = query.ValidValues });
        }

        var projects = PublicProjects(db).Where(p => p.MunicipalityId == city.Id);
        if (query.Status is { } wantedStatus)
        {
            projects = projects.Where(p => p.Status == wantedStatus);
        }

        if (query.Category is { } wantedCategory)
        {
            projects = projects.Where(p => p.Category == wantedCategory);
        }

        if (query.Neighbourhood is { } wantedNeighbourhood)
        {
            projects = projects.Where(p => p.NeighbourhoodId == wantedNeighbourhood);
        }

        if (query.Labelled is { } wantLabelled)
        {
            var active = Project.LabelActiveRule(PublicLabels.Today(clock));
            projects = wantLabelled
                ? projects.Where(active)
                : projects.Where(Expression.Lambda<Func<Project, bool>>(Expression.Not(active.Body), active.Parameters));
        }

        foreach (var term in Domain.Common.SearchText.Terms(q))
        {
            projects = projects.Where(p => p.SearchText.Contains(term));
        }

        var totalCount = await projects.CountAsync(cancellationToken);
        var skip = (long)(query.Page - 1) * query.PageSize;
        var items = skip < totalCount
            ? await Rows(db, projects.OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id).Skip((int)skip).Take(query.PageSize))
                .ToListAsync(cancellationToken)
            : [];
        var root = Root(http.Request);
        var funding = await Funding.FundingPanel.ForApiAsync(db, items.Select(row => row.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new ProjectPageResponse(
            items.Select(row => row.ToResponse(root) with { Funding = funding.GetValueOrDefault(row.Id) }).ToList(),
            query.Page,
            query.PageSize,
            totalCount,
            (int)Math.Ceiling(totalCount / (double)query.PageSize)));
    }

    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProjectAsync(
        [Description("Identifiant du projet.")] long id,
        AppDbContext db,
        HttpContext http,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var row = await Rows(db, PublicProjects(db).Where(p => p.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound(l, l["Aucun projet public n'a l'identifiant {0}.", id]);
        }

        var funding = await Funding.FundingPanel.ForApiAsync(db, [row.Id], cancellationToken);
        return TypedResults.Ok(row.ToResponse(Root(http.Request)) with { Funding = funding.GetValueOrDefault(row.Id) });
    }

    /// <summary>
    /// What the public may see: published, not hidden, not a draft. The same rule as
    /// <see cref="Project.IsPublic"/>, written for SQL.
    /// </summary>
    private static IQueryable<Project> PublicProjects(AppDbContext db) =>
        db.Projects.AsNoTracking().Where(Project.PublicRule);

    private static IQueryable<MunicipalityRow> Municipalities(AppDbContext db, IQueryable<Municipality> municipalities)
    {
        var publicProjects = PublicProjects(db);
        return municipalities.AsNoTracking()
            .Select(m => new MunicipalityRow(
                m.Name,
                m.Slug,
                m.InseeCode,
                m.Population,
                publicProjects.Count(p => p.MunicipalityId == m.Id),
                m.Neighbourhoods.OrderBy(n => n.Name).Select(n => new NeighbourhoodResponse(n.Id, n.Name)).ToList()));
    }

    /// <summary>
    /// One projection for the list and the detail. Split into one command for the projects and one
    /// per collection (images, budget, requested support, the label's commitments): a fixed number
    /// whatever the page holds. Only public fields are read: the holder's display name, never their
    /// e-mail, address or id; of the label, the confirmed decision only (never a proposal, a
    /// rejected decision, a note or a referent).
    /// </summary>
    private static IQueryable<ProjectRow> Rows(AppDbContext db, IQueryable<Project> projects) =>
        projects
            .Select(p => new ProjectRow(
                p.Id,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).First(),
                p.Title,
                p.Summary,
                p.Description,
                p.Category,
                p.NeighbourhoodId,
                db.Neighbourhoods.Where(n => n.Id == p.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                p.Status,
                p.Address,
                p.Latitude,
                p.Longitude,
                p.PublishedAtUtc!.Value,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                p.HolderType,
                p.OrganisationName,
                p.BudgetLines.OrderBy(b => b.Position).Select(b => new BudgetLineResponse(b.Label, b.AmountCents)).ToList(),
                p.RequestedSupports.OrderBy(s => s.Id).Select(s => new RequestedSupportResponse(s.Kind, s.Details)).ToList(),
                db.ProjectSupports.Count(s => s.ProjectId == p.Id),
                db.Comments.Count(c => c.ProjectId == p.Id && c.State == CommentState.Visible),
                p.Images.OrderBy(i => i.Position).Select(i => new ImageRow(i.Id, i.AltText)).ToList(),
                p.LabelledAtUtc,
                p.LabelValidUntil,
                p.LabelRevokedAtUtc,
                p.Decisions.Where(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed).Select(d => d.RevokedReason).FirstOrDefault(),
                p.Decisions.Where(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed)
                    .SelectMany(d => d.Commitments)
                    .OrderBy(c => c.Position)
                    .Select(c => new CommitmentRow(c.Kind, c.Description, c.EstimatedValueCents, c.CoFinancing, c.GrantCents, c.MatchRatioPercent, c.MatchCapCents))
                    .ToList()))
            .AsSplitQuery();

    private static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static ProblemHttpResult UnknownCity(IStringLocalizer l, string citySlug) =>
        NotFound(l, l["Aucune ville n'a l'identifiant « {0} ».", citySlug]);

    private static ProblemHttpResult NotFound(IStringLocalizer l, string detail) =>
        TypedResults.Problem(title: l["Ressource introuvable."], detail: detail, statusCode: StatusCodes.Status404NotFound);

    private sealed record MunicipalityRow(string Name, string Slug, string InseeCode, int Population, int PublicProjectsCount, List<NeighbourhoodResponse> Neighbourhoods)
    {
        public MunicipalityResponse ToResponse(string root) => new(
            Name,
            Slug,
            InseeCode,
            Population,
            PublicProjectsCount,
            Neighbourhoods,
            new MunicipalityLinks($"{root}{Prefix}/municipalities/{Slug}", $"{root}{Prefix}/municipalities/{Slug}/projects", $"{root}/{Slug}"));
    }

    private sealed record ImageRow(long Id, string AltText);

    private sealed record CommitmentRow(CommitmentKind Kind, string Description, long? EstimatedValueCents, CoFinancingMode? CoFinancing, long? GrantCents, int? MatchRatioPercent, long? MatchCapCents)
    {
        public CommitmentResponse ToResponse() => new(
            Kind,
            Description,
            EstimatedValueCents,
            CoFinancing is { } mode ? new CoFinancingResponse(mode, GrantCents, MatchRatioPercent, MatchCapCents) : null);
    }

    private sealed record ProjectRow(
        long Id,
        string CitySlug,
        string Title,
        string? Summary,
        string? Description,
        ProjectCategory? Category,
        long? NeighbourhoodId,
        string? NeighbourhoodName,
        ProjectStatus Status,
        string? Address,
        double? Latitude,
        double? Longitude,
        DateTime PublishedAtUtc,
        string HolderName,
        HolderType HolderType,
        string? OrganisationName,
        List<BudgetLineResponse> Budget,
        List<RequestedSupportResponse> RequestedSupport,
        int SupportsCount,
        int CommentsCount,
        List<ImageRow> Images,
        DateTime? LabelledAtUtc,
        DateOnly? LabelValidUntil,
        DateTime? LabelRevokedAtUtc,
        string? LabelRevokedReason,
        List<CommitmentRow> Commitments)
    {
        public ProjectResponse ToResponse(string root) => new(
            Id,
            CitySlug,
            Title,
            Summary,
            Description,
            Category,
            NeighbourhoodId is { } neighbourhoodId && NeighbourhoodName is not null ? new NeighbourhoodResponse(neighbourhoodId, NeighbourhoodName) : null,
            Status,
            Address,
            Latitude,
            Longitude,
            DateTime.SpecifyKind(PublishedAtUtc, DateTimeKind.Utc),
            new HolderResponse(HolderName, HolderType, OrganisationName),
            new BudgetResponse(Budget, Budget.Sum(b => b.AmountCents), "EUR"),
            RequestedSupport,
            SupportsCount,
            CommentsCount,
            Images.Select(i => new ImageResponse(root + ProjectPaths.Image(CitySlug, Id, i.Id), i.AltText)).ToList(),
            root + ProjectPaths.Page(CitySlug, Id, Title),
            LabelledAtUtc is { } labelledAt
                ? new LabelResponse(
                    DateTime.SpecifyKind(labelledAt, DateTimeKind.Utc),
                    LabelValidUntil,
                    LabelRevokedAtUtc is { } revokedAt ? DateTime.SpecifyKind(revokedAt, DateTimeKind.Utc) : null,
                    LabelRevokedAtUtc is null ? null : LabelRevokedReason,
                    Commitments.Select(c => c.ToResponse()).ToList())
                : null);
    }

    /// <summary>The list's query string, read by hand so that a wrong value is a clear 400 problem, never a bare 400 or a 500.</summary>
    private sealed class ProjectQuery
    {
        private static readonly string[] Statuses = Enum.GetNames<ProjectStatus>().Where(n => n != nameof(ProjectStatus.Draft)).ToArray();
        private static readonly string[] Categories = Enum.GetNames<ProjectCategory>();
        private static readonly string[] Booleans = ["true", "false"];

        public ProjectStatus? Status { get; private set; }

        public ProjectCategory? Category { get; private set; }

        public long? Neighbourhood { get; private set; }

        public bool? Labelled { get; private set; }

        public int Page { get; private set; } = 1;

        public int PageSize { get; private set; } = DefaultPageSize;

        public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, object> ValidValues { get; } = new(StringComparer.Ordinal);

        public static ProjectQuery Parse(IStringLocalizer l, string? status, string? category, string? neighbourhood, string? labelled, string? page, string? pageSize, IReadOnlyList<long> neighbourhoods)
        {
            var query = new ProjectQuery();
            if (!string.IsNullOrWhiteSpace(status))
            {
                var name = Statuses.FirstOrDefault(s => string.Equals(s, status.Trim(), StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    query.Refuse("status", l["L'étape « {0} » n'existe pas. Valeurs possibles : {1}.", status, string.Join(", ", Statuses)], Statuses);
                }
                else
                {
                    query.Status = Enum.Parse<ProjectStatus>(name);
                }
            }

            if (!string.IsNullOrWhiteSpace(category))
            {
                var name = Categories.FirstOrDefault(c => string.Equals(c, category.Trim(), StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    query.Refuse("category", l["La catégorie « {0} » n'existe pas. Valeurs possibles : {1}.", category, string.Join(", ", Categories)], Categories);
                }
                else
                {
                    query.Category = Enum.Parse<ProjectCategory>(name);
                }
            }

            if (!string.IsNullOrWhiteSpace(neighbourhood))
            {
                if (long.TryParse(neighbourhood.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && neighbourhoods.Contains(id))
                {
                    query.Neighbourhood = id;
                }
                else
                {
                    var ids = neighbourhoods.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
                    query.Refuse("neighbourhood", l["Le quartier « {0} » n'existe pas dans cette ville. Valeurs possibles : {1}.", neighbourhood, string.Join(", ", ids)], ids);
                }
            }

            if (!string.IsNullOrWhiteSpace(labelled))
            {
                if (bool.TryParse(labelled.Trim(), out var wanted))
                {
                    query.Labelled = wanted;
                }
                else
                {
                    query.Refuse("labelled", l["La valeur « {0} » du filtre « labelled » n'est pas valide : indiquez true ou false.", labelled], Booleans);
                }
            }

            if (!string.IsNullOrWhiteSpace(page))
            {
                if (int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
                {
                    query.Page = number;
                }
                else
                {
                    query.Refuse("page", l["Le numéro de page « {0} » n'est pas valide : indiquez un nombre entier à partir de 1.", page], "1…");
                }
            }

            if (!string.IsNullOrWhiteSpace(pageSize))
            {
                if (int.TryParse(pageSize.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize)
                {
                    query.PageSize = size;
                }
                else
                {
                    query.Refuse("pageSize", l["La taille de page « {0} » n'est pas valide : indiquez un nombre entier de 1 à {1}.", pageSize, MaxPageSize], $"1…{MaxPageSize}");
                }
            }

            return query;
        }

        private void Refuse(string parameter, string message, object validValues)
        {
            Errors[parameter] = [message];
            ValidValues[parameter] = validValues;
        }
    }
}
