using System.Globalization;
using System.Security.Claims;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.CityAdmin.Review;

/// <summary>
/// The decision on a project in review: label it with the city's commitments, or decline it with a
/// public reason. An admin's decision applies at once; an agent's is a proposal that waits for an
/// admin. Each form carries a one-time token, so the same form posted twice (a double click) makes
/// one decision. A city whose subscription does not allow labels is told why before filling the form.
/// </summary>
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

    public static string RowKey(int row) => $"Input.Commitments[{row}]";

    public static string FieldKey(int row, string field) => $"Input.Commitments[{row}].{field}";


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

    /// <summary>"Labelliser" (admin) or "Proposer ce label" (agent).</summary>
    public async Task<IActionResult> OnPostLabelAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var project = await LoadProjectAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (ProjectVersion is null || !IsToken(RequestToken) || CurrentUserId() is not { } staffUserId)
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
        db.Entry(project).Property(p => p.Version).OriginalValue = ProjectVersion.Value;
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

        if (ProjectVersion is null || !IsToken(RequestToken) || CurrentUserId() is not { } staffUserId)
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
        db.Entry(project).Property(p => p.Version).OriginalValue = ProjectVersion.Value;
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

    private long? CurrentUserId() =>
        long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

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
            return Redirect(ReviewPaths.Project(City.Slug, project.Id));
        }

        await notifier.SendMailsAsync(cancellationToken);
        return Done(project, decision);
    }

    private RedirectResult Done(Project project, ProjectDecision decision)
    {
        StatusMessage = DoneMessage(project.Title, decision.Kind, decision.State);
        return Redirect(ReviewPaths.Project(City.Slug, project.Id));
    }

    private string DoneMessage(string title, DecisionKind kind, DecisionState state) => (kind, state) switch
    {
        (DecisionKind.Label, DecisionState.Proposed) => l["Votre proposition de label pour « {0} » attend la confirmation d'un administrateur de la ville.", title].Value,
        (DecisionKind.Decline, DecisionState.Proposed) => l["Votre proposition de refus pour « {0} » attend la confirmation d'un administrateur de la ville.", title].Value,
        (DecisionKind.Label, _) => l["Le projet « {0} » est labellisé : son porteur est prévenu.", title].Value,
        (DecisionKind.Decline, _) => l["Le projet « {0} » n'est pas retenu : son porteur est prévenu.", title].Value,
        _ => l["La décision est enregistrée."].Value,
    };

    private void AddBlankRows(int count)
    {
        var rows = Math.Min(Commitment.MaxPerLabel, Math.Max(Input.Commitments.Count + count, BlankRows));
        if (Input.Commitments.Count > Commitment.MaxPerLabel)
        {
            // A forged form with more rows than a label may hold: its filled rows are shown back.
            Input.Commitments = Input.Commitments.Where(c => !c.IsBlank).Take(Commitment.MaxPerLabel * 2).ToList();
            return;
        }

        while (Input.Commitments.Count < rows)
        {
            Input.Commitments.Add(new CommitmentInput());
        }
    }

    /// <summary>
    /// Reads the commitment rows (empty ones are ignored), the validity and the conditions. Each
    /// value that cannot be read, and each row the domain refuses, gets its message next to it.
    /// </summary>
    private LabelTerms? ReadTerms(IReadOnlyList<StaffMember> staff)
    {
        var filled = Input.Commitments.Select((row, index) => (Row: row, Index: index)).Where(x => !x.Row.IsBlank).ToList();
        if (filled.Count > Commitment.MaxPerLabel)
        {
            ModelState.AddModelError(string.Empty, l["Un label ne peut pas compter plus de {0} engagements.", Commitment.MaxPerLabel]);
            return null;
        }

        if (filled.Count == 0)
        {
            ModelState.AddModelError(RowKey(0), l["Un label engage la ville : ajoutez au moins un engagement."]);
        }

        var terms = new List<CommitmentTerms>();
        foreach (var (row, index) in filled)
        {
            var errorsBefore = ModelState.ErrorCount;
            var kind = ReadKind(row.Kind, FieldKey(index, nameof(CommitmentInput.Kind)));
            var value = ReadMoney(row.EstimatedValue, FieldKey(index, nameof(CommitmentInput.EstimatedValue)));
            var referent = ReadReferent(row.ReferentUserId, FieldKey(index, nameof(CommitmentInput.ReferentUserId)));
            var mode = ReadMode(row.CoFinancing, FieldKey(index, nameof(CommitmentInput.CoFinancing)));
            var grant = ReadMoney(row.Grant, FieldKey(index, nameof(CommitmentInput.Grant)));
            var ratio = ReadRatio(row.Ratio, FieldKey(index, nameof(CommitmentInput.Ratio)));
            var cap = ReadMoney(row.Cap, FieldKey(index, nameof(CommitmentInput.Cap)));
            if (ModelState.ErrorCount > errorsBefore || kind is not { } known)
            {
                continue;
            }

            var term = new CommitmentTerms(
                known,
                row.Description,
                value,
                known == CommitmentKind.Expertise ? referent : null,
                known == CommitmentKind.CoFinancing ? mode : null,
                grant,
                ratio,
                cap);
            if (Check(RowKey(index), () => Commitment.FromTerms(City.Id, [term], userId => staff.Any(s => s.Id == userId))))
            {
                terms.Add(term);
            }
        }

        var validUntil = ReadDate(Input.ValidUntil);
        Check(ConditionsField, () => Text.Optional(Input.Conditions, ProjectDecision.ConditionsMaxLength, "Conditions", multiline: true));
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

    private CommitmentKind? ReadKind(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, l["Choisissez le type d'engagement."]);
            return null;
        }

        // By its exact name only: no numbers, no "A, B" combinations.
        var kind = Enum.GetValues<CommitmentKind>().Cast<CommitmentKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text.Trim(), StringComparison.Ordinal));
        if (kind is null)
        {
            ModelState.AddModelError(key, l["Ce type d'engagement n'existe pas."]);
        }

        return kind;
    }

    private CoFinancingMode? ReadMode(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var mode = Enum.GetValues<CoFinancingMode>().Cast<CoFinancingMode?>().FirstOrDefault(m => string.Equals(m.ToString(), text.Trim(), StringComparison.Ordinal));
        if (mode is null)
        {
            ModelState.AddModelError(key, l["Ce mode de cofinancement n'existe pas."]);
        }

        return mode;
    }

    private long? ReadMoney(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!MoneyInput.TryParseCents(text, out var cents, out var error))
        {
            ModelState.AddModelError(key, l.Explain(error));
            return null;
        }

        return cents;
    }

    private int? ReadRatio(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Replace("%", string.Empty, StringComparison.Ordinal).Trim();
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var ratio))
        {
            ModelState.AddModelError(key, l["Saisissez un taux entier en pour cent, par exemple 100 pour 1 € ajouté par euro donné."]);
            return null;
        }

        return ratio;
    }

    private long? ReadReferent(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ModelState.AddModelError(key, l["Choisissez l'agent référent dans la liste."]);
            return null;
        }

        return id;
    }

    /// <summary>The date input's ISO value, or a date typed the French way where the browser has no date picker.</summary>
    private DateOnly? ReadDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(ValidUntilField, l["Saisissez une date au format jj/mm/aaaa."]);
            return null;
        }

        var today = DateOnly.FromDateTime(Cultures.ToParis(clock.GetUtcNow().UtcDateTime));
        if (date <= today)
        {
            ModelState.AddModelError(ValidUntilField, l["La fin de validité du label doit être une date à venir."]);
            return null;
        }

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
        var me = CurrentUserId();
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
        public List<CommitmentInput> Commitments { get; set; } = [];

        /// <summary>The last day of validity, as the date input sends it (yyyy-mm-dd); empty for no limit.</summary>
        public string? ValidUntil { get; set; }

        public string? Conditions { get; set; }
    }

    /// <summary>One row of the commitments editor, as typed: every value is read by hand so nonsense gets a French message.</summary>
    public sealed class CommitmentInput
    {
        public string? Kind { get; set; }

        public string? Description { get; set; }

        public string? EstimatedValue { get; set; }

        public string? ReferentUserId { get; set; }

        public string? CoFinancing { get; set; }

        public string? Grant { get; set; }

        public string? Ratio { get; set; }

        public string? Cap { get; set; }

        public bool IsBlank =>
            string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(EstimatedValue)
            && string.IsNullOrWhiteSpace(ReferentUserId) && string.IsNullOrWhiteSpace(CoFinancing) && string.IsNullOrWhiteSpace(Grant)
            && string.IsNullOrWhiteSpace(Ratio) && string.IsNullOrWhiteSpace(Cap);
    }

    public sealed class DeclineInput
    {
        public string? Reason { get; set; }
    }
}
