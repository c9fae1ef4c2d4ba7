using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Labels;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// The decision on a project in review: label it with the city's commitments, or decline it with a
/// public reason. An admin's decision applies at once; an agent's is a proposal that waits for an
/// admin. Each form carries a one-time token, so the same form posted twice (a double click) makes
/// one decision. A city whose subscription does not allow labels is told why before filling the form.
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class DecideModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    /// <summary>Empty commitment rows offered at first (and added by "Ajouter des lignes").</summary>
    public const int BlankRows = 3;

    public const string CommitmentsField = "Input.Commitments";
    public const string ValidUntilField = "Input.ValidUntil";
    public const string ConditionsField = "Input.Conditions";
    public const string ReasonField = "Refusal.Reason";

    /// <summary>The form fields' names, shared with the project page's forms.</summary>
    public const string VersionField = "projectVersion";
    public const string TokenField = "requestToken";

    private long _id;

    /// <summary>The project's version when the form was shown: a decision on a project changed since is refused.</summary>
    [BindProperty(Name = VersionField)]
    public long? ProjectVersion { get; set; }

    /// <summary>The form's one-time token (see <see cref="ProjectDecision.RequestToken"/>).</summary>
    [BindProperty(Name = TokenField)]
    public string? RequestToken { get; set; }

    [BindProperty]
    public LabelInput Input { get; set; } = new();

    [BindProperty]
    public DeclineInput Refusal { get; set; } = new();

    public Summary Project { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    /// <summary>Why the city cannot label now (its subscription), in the person's language; null when it can.</summary>
    public string? LabelRefusal { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public static string RowKey(int row) => CommitmentRows.RowKey(CommitmentsField, row);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ProjectVersion = Project.Version;
        RequestToken = Guid.NewGuid().ToString("N");
        AddBlankRows(BlankRows);
        return Page();
    }

    /// <summary>"Ajouter des lignes": more empty commitment rows, without saving (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostAddRowsAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        ProjectVersion ??= Project.Version;
        RequestToken = IsToken(RequestToken) ? RequestToken : Guid.NewGuid().ToString("N");
        AddBlankRows(BlankRows);
        return Page();
    }

    /// <summary>
    /// "Choisir" on a commitment row: the form again, unsaved, each row with the fields of the kind
    /// chosen (the way to them without JavaScript).
    /// </summary>
    public async Task<IActionResult> OnPostChooseAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        ProjectVersion ??= Project.Version;
        RequestToken = IsToken(RequestToken) ? RequestToken : Guid.NewGuid().ToString("N");
        AddBlankRows(0);
        return Page();
    }

    /// <summary>"Labelliser" (admin) or "Proposer ce label" (agent).</summary>
    public async Task<IActionResult> OnPostLabelAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var project = await LoadProjectAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (ProjectVersion is null || !IsToken(RequestToken) || User.IdOrNull() is not { } staffUserId)
        {
            return BadRequest();
        }

        if (project.Decisions.FirstOrDefault(d => d.RequestToken == RequestToken) is { } already)
        {
            return Done(project, already);
        }

        var staff = await db.StaffAsync(City.Id, cancellationToken);
        var terms = ReadTerms(staff);
        if (terms is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(project, ProjectVersion.Value);
        var before = project.Status;
        var decision = project.ProposeLabel(city, staffUserId, terms, clock.GetUtcNow().UtcDateTime, RequestToken);
        await DecisionNews.RecordAsync(audit, notifier, project, decision, before, City.Slug, staff, cancellationToken);
        return await SaveAsync(project, decision, cancellationToken);
    }

    /// <summary>"Refuser le projet" (admin) or "Proposer le refus" (agent), with the reason the public will read.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var project = await LoadProjectAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (ProjectVersion is null || !IsToken(RequestToken) || User.IdOrNull() is not { } staffUserId)
        {
            return BadRequest();
        }

        if (project.Decisions.FirstOrDefault(d => d.RequestToken == RequestToken) is { } already)
        {
            return Done(project, already);
        }

        // The domain's own check, run first so its sentence lands next to the field.
        Check(ReasonField, () => Text.Required(Refusal.Reason, Domain.Projects.Project.ReasonMaxLength, "Motif public", multiline: true));
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var staff = await db.StaffAsync(City.Id, cancellationToken);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(project, ProjectVersion.Value);
        var before = project.Status;
        var decision = project.ProposeDecline(city, staffUserId, Refusal.Reason, clock.GetUtcNow().UtcDateTime, RequestToken);
        await DecisionNews.RecordAsync(audit, notifier, project, decision, before, City.Slug, staff, cancellationToken);
        return await SaveAsync(project, decision, cancellationToken);
    }

    /// <summary>After a refusal the form is shown again with the person's input, against the stored version.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown again.");
        }

        ProjectVersion = Project.Version;
        ModelState.Remove(VersionField);
        if (!IsToken(RequestToken))
        {
            RequestToken = Guid.NewGuid().ToString("N");
        }

        AddBlankRows(0);
    }

    private static bool IsToken(string? token) =>
        token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    private Task<Project?> LoadProjectAsync(long id, CancellationToken cancellationToken) =>
        db.Projects
            .Include(p => p.Decisions).ThenInclude(d => d.Commitments)
            .SingleOrDefaultAsync(p => p.Id == id && p.SubmittedAtUtc != null, cancellationToken);

    /// <summary>
    /// One save. The same form posted twice at the same moment is caught by the version or by the
    /// unique token: if the token is now stored, the decision was made, and the person simply sees it.
    /// </summary>
    private async Task<IActionResult> SaveAsync(Project project, ProjectDecision decision, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            var token = RequestToken;
            var made = await db.ProjectDecisions.AsNoTracking()
                .Where(d => d.ProjectId == project.Id && d.RequestToken == token)
                .Select(d => new { d.Kind, d.State })
                .FirstOrDefaultAsync(cancellationToken);
            if (made is null)
            {
                throw;
            }

            StatusMessage = DoneMessage(project.Title, made.Kind, made.State);
            return Redirect(ReviewPaths.Review(City.Slug, project.Id));
        }

        await notifier.SendMailsAsync(cancellationToken);
        return Done(project, decision);
    }

    private RedirectResult Done(Project project, ProjectDecision decision)
    {
        StatusMessage = DoneMessage(project.Title, decision.Kind, decision.State);
        return Redirect(ReviewPaths.Review(City.Slug, project.Id));
    }

    private string DoneMessage(string title, DecisionKind kind, DecisionState state) => (kind, state) switch
    {
        (DecisionKind.Label, DecisionState.Proposed) => l["Votre proposition de label pour « {0} » attend la confirmation d'un administrateur de la ville.", title].Value,
        (DecisionKind.Decline, DecisionState.Proposed) => l["Votre proposition de refus pour « {0} » attend la confirmation d'un administrateur de la ville.", title].Value,
        (DecisionKind.Label, _) => l["Le projet « {0} » est labellisé : son porteur est prévenu.", title].Value,
        (DecisionKind.Decline, _) => l["Le projet « {0} » n'est pas retenu : son porteur est prévenu.", title].Value,
        _ => l["La décision est enregistrée."].Value,
    };

    private void AddBlankRows(int count) =>
        Input.Commitments = FormRows.Pad(Input.Commitments, count, BlankRows, Commitment.MaxPerLabel, () => new CommitmentRow());

    /// <summary>
    /// Reads the commitment rows (empty ones are ignored), the validity and the conditions. Each
    /// value that cannot be read, and each row the domain refuses, gets its message next to it.
    /// </summary>
    private LabelTerms? ReadTerms(IReadOnlyList<StaffMember> staff)
    {
        if (Input.Commitments.All(row => row.IsBlank))
        {
            ModelState.AddModelError(RowKey(0), l.Localize(CommitmentRefusals.NoCommitment));
        }

        var terms = CommitmentRows.Read(Input.Commitments, CommitmentsField, ModelState, l, City.Id, staff);
        var validUntil = ReadDate(Input.ValidUntil);
        return ModelState.IsValid ? new LabelTerms(terms, validUntil, Input.Conditions) : null;
    }

    /// <summary>Runs a rule of the domain; its refusal becomes the message of <paramref name="key"/>.</summary>
    private bool Check(string key, Action rule)
    {
        try
        {
            rule();
            return true;
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(key, l.Localize(refusal));
            return false;
        }
    }

    /// <summary>The date input's ISO value, or a date typed the French way where the browser has no date picker.</summary>
    private DateOnly? ReadDate(string? text)
    {
        switch (ParisDates.ReadDate(text, out var date))
        {
            case ParisInput.Missing:
                return null;
            case ParisInput.Read:
                break;
            default:
                ModelState.AddModelError(ValidUntilField, l["Saisissez une date au format jj/mm/aaaa."]);
                return null;
        }

        // Whether it is still to come is the domain's rule (ProjectRefusals.LabelValidityInThePast, on the clock of Paris).
        return date;
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = _id;
        var summary = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id && p.SubmittedAtUtc != null)
            .Select(p => new Summary(
                p.Id,
                p.Title,
                p.Status,
                p.Version,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                p.RequestedSupports.OrderBy(s => s.Id).Select(s => new RequestedRow(s.Kind, s.Details)).ToList(),
                p.Decisions.Where(d => d.State == DecisionState.Proposed)
                    .Select(d => new PendingRow(
                        d.Kind,
                        db.Users.Where(u => u.Id == d.ProposedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                        d.ProposedAtUtc))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return false;
        }

        Project = summary;
        Staff = await db.StaffAsync(City.Id, cancellationToken);
        var me = User.IdOrNull();
        IsAdmin = Staff.Any(s => s.Id == me && s.Role == StaffRole.Admin);
        var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == City.Id, cancellationToken);
        LabelRefusal = null;
        try
        {
            city.EnsureCanLabel();
        }
        catch (DomainException refusal)
        {
            LabelRefusal = l.Localize(refusal);
        }

        return true;
    }

    public sealed record Summary(long Id, string Title, ProjectStatus Status, long Version, string Holder, List<RequestedRow> Requested, List<PendingRow> Pending)
    {
        public bool IsInReview => Status == ProjectStatus.InReview;
    }

    public sealed record RequestedRow(CommitmentKind Kind, string? Details);

    public sealed record PendingRow(DecisionKind Kind, string ProposedBy, DateTime ProposedAtUtc);

    public sealed class LabelInput
    {
        public List<CommitmentRow> Commitments { get; set; } = [];

        /// <summary>The last day of validity, as the date input sends it (yyyy-mm-dd); empty for no limit.</summary>
        public string? ValidUntil { get; set; }

        public string? Conditions { get; set; }
    }

    public sealed class DeclineInput
    {
        public string? Reason { get; set; }
    }
}
