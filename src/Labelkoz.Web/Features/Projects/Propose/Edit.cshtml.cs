using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Text;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// The holder's guided form: every section of the project in one page, saved together as a draft
/// (one save for all sections, so a refusal anywhere leaves the stored project as it was).
/// </summary>
[Authorize]
public sealed class EditModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    MarkdownRenderer markdown,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    /// <summary>Empty budget rows offered under the existing ones (and added by "Ajouter des lignes").</summary>
    public const int BlankBudgetRows = 3;

    private long _projectId;

    [BindProperty]
    public ProjectDraftForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Summary Current { get; private set; } = null!;

    /// <summary>The city's last message while it waits for changes (null otherwise).</summary>
    public CityRequest? LastCityRequest { get; private set; }

    public IReadOnlyList<Option> Neighbourhoods { get; private set; } = [];

    /// <summary>The description rendered as it will be shown, when the person asked for a preview.</summary>
    public HtmlString? Preview { get; private set; }

    /// <summary>The total of the budget lines as typed (lines that cannot be read count for nothing).</summary>
    public long BudgetTotalCents { get; private set; }

    public string CitySlug => tenant.City!.Slug;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var stored = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.HolderUserId,
                p.Version,
                p.Title,
                p.Summary,
                p.Description,
                p.Category,
                p.NeighbourhoodId,
                p.Address,
                p.Latitude,
                p.Longitude,
                p.HolderType,
                p.OrganisationName,
                p.Rna,
                p.Siren,
                Lines = p.BudgetLines.OrderBy(b => b.Position).Select(b => new { b.Label, b.AmountCents }).ToList(),
                Supports = p.RequestedSupports.Select(s => new { s.Kind, s.Details }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (stored.HolderUserId != User.Id())
        {
            return Forbid();
        }

        Input = new ProjectDraftForm
        {
            Version = stored.Version,
            Title = stored.Title,
            Summary = stored.Summary,
            Description = stored.Description,
            Category = stored.Category,
            NeighbourhoodId = stored.NeighbourhoodId,
            Address = stored.Address,
            Latitude = stored.Latitude?.ToString(CultureInfo.CurrentCulture),
            Longitude = stored.Longitude?.ToString(CultureInfo.CurrentCulture),
            HolderType = stored.HolderType,
            OrganisationName = stored.OrganisationName,
            Rna = stored.Rna,
            Siren = stored.Siren,
            Lines = stored.Lines.Select(b => new BudgetLineInput { Label = b.Label, Amount = MoneyInput.ForInput(b.AmountCents, CultureInfo.CurrentCulture) }).ToList(),
            Supports = stored.Supports.Select(s => new SupportInput { Kind = s.Kind, Selected = true, Details = s.Details }).ToList(),
        };
        await LoadViewAsync(BlankBudgetRows, cancellationToken);
        return Page();
    }

    /// <summary>"Enregistrer le brouillon": every section goes through the domain, then one save.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await db.Projects
            .Include(p => p.BudgetLines)
            .Include(p => p.RequestedSupports)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (!project.IsHeldBy(userId))
        {
            return Forbid();
        }

        var neighbourhood = await FindNeighbourhoodAsync(cancellationToken);
        var (latitude, longitude) = (ProjectDraftForm.ReadCoordinate(ModelState, l, Input.Latitude, "Input.Latitude"), ProjectDraftForm.ReadCoordinate(ModelState, l, Input.Longitude, "Input.Longitude"));
        var lines = Input.ReadBudget(ModelState, l);
        var supports = Input.ReadSupports(ModelState, l);
        if (ModelState.IsValid)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            Apply(() => project.UpdateContent(userId, Input.Title, Input.Summary, Input.Description, Input.Category, neighbourhood, now));
            Apply(() => project.UpdateLocation(userId, Input.Address, latitude, longitude, now));
            Apply(() => project.UpdateHolder(userId, Input.HolderType, Input.OrganisationName, Input.Rna, Input.Siren, now));
            Apply(() => project.ReplaceBudget(userId, lines, now));
            Apply(() => project.ReplaceRequestedSupport(userId, supports, now));
        }

        if (!ModelState.IsValid)
        {
            await LoadViewAsync(0, cancellationToken);
            return Page();
        }

        db.ExpectVersion(project, Input.Version);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = project.Status == ProjectStatus.Draft
            ? l["Votre brouillon est enregistré. Vous pouvez revenir le compléter quand vous voulez."]
            : l["Vos modifications sont enregistrées."];
        return Redirect(ProposePaths.Edit(CitySlug, id));
    }

    /// <summary>"Prévisualiser": shows the description as it will look, without saving anything.</summary>
    public async Task<IActionResult> OnPostPreviewAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        if (await RefuseAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        Preview = markdown.Render(Input.Description);
        await LoadViewAsync(0, cancellationToken);
        return Page();
    }

    /// <summary>"Ajouter des lignes": more empty budget rows, without saving (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostAddLinesAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        if (await RefuseAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        await LoadViewAsync(BlankBudgetRows, cancellationToken);
        return Page();
    }

    /// <summary>After a lost race the form is shown again with the person's input, against the stored version.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadViewAsync(0, cancellationToken);
        Input.Version = Current.Version;
        ModelState.Remove("Input.Version");
    }

    private async Task LoadViewAsync(int extraBlankRows, CancellationToken cancellationToken)
    {
        Current = await db.Projects.AsNoTracking()
            .Where(p => p.Id == _projectId)
            .Select(p => new Summary(p.Id, p.Title, p.Status, p.Version, p.PublishedAtUtc != null && p.HiddenAtUtc == null && p.Status != ProjectStatus.Draft, p.Images.Count))
            .SingleAsync(cancellationToken);
        LastCityRequest = Current.Status == ProjectStatus.ChangesRequested
            ? await CityRequest.LastAsync(db, _projectId, ProposePaths.Exchanges(CitySlug, _projectId), cancellationToken)
            : null;
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .OrderBy(n => n.Name)
            .Select(n => new Option(n.Id, n.Name))
            .ToListAsync(cancellationToken);

        var filled = Input.Lines.Count(line => !line.IsBlank);
        var rows = Math.Max(Input.Lines.Count, Math.Min(Project.MaxBudgetLines, filled + extraBlankRows));
        while (Input.Lines.Count < rows)
        {
            Input.Lines.Add(new BudgetLineInput());
        }

        BudgetTotalCents = Input.Lines.Sum(line => MoneyInput.TryParseCents(line.Amount, out var cents, out _) && cents <= Project.MaxBudgetLineCents ? cents : 0);

        // One row per kind of support, in a fixed order, whatever was posted.
        Input.Supports = Enum.GetValues<CommitmentKind>()
            .Select(kind => Input.Supports.FirstOrDefault(s => s.Kind == kind) ?? new SupportInput { Kind = kind })
            .ToList();
    }

    /// <summary>Not found for another city's project (the tenant filter) or an unknown id; forbidden to anyone but the holder.</summary>
    private async Task<IActionResult?> RefuseAsync(long id, CancellationToken cancellationToken)
    {
        var holder = await db.Projects.Where(p => p.Id == id).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return NotFound();
        }

        return holder == User.Id() ? null : Forbid();
    }

    private async Task<Neighbourhood?> FindNeighbourhoodAsync(CancellationToken cancellationToken)
    {
        if (Input.NeighbourhoodId is not { } neighbourhoodId)
        {
            return null;
        }

        // Through the tenant filter: another city's neighbourhood is simply not found.
        var neighbourhood = await db.Neighbourhoods.SingleOrDefaultAsync(n => n.Id == neighbourhoodId, cancellationToken);
        if (neighbourhood is null)
        {
            ModelState.AddModelError("Input.NeighbourhoodId", l["Choisissez un quartier de la liste."]);
        }

        return neighbourhood;
    }

    /// <summary>Runs one section through the domain; a refusal is shown next to the field it names (each message once).</summary>
    private void Apply(Action section)
    {
        try
        {
            section();
        }
        catch (DomainException refusal)
        {
            var message = l.Localize(refusal);
            if (!ModelState.TryGetValue(ModelStateRefusals.KeyOf(refusal.Refusal), out var entry) || entry.Errors.All(e => e.ErrorMessage != message))
            {
                ModelState.AddRefusal(refusal, l);
            }
        }
    }

    public sealed record Summary(long Id, string Title, ProjectStatus Status, long Version, bool IsPublic, int ImageCount)
    {
        public bool IsEditable => ProjectLifecycle.IsEditable(Status);
    }

    public sealed record Option(long Id, string Name);
}
