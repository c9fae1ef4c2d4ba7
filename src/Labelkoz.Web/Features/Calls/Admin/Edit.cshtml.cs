using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Labels;
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

namespace Labelkoz.Web.Features.Calls.Admin;

/// <summary>
/// One call for projects in the back office. A draft is edited by an admin in one form (with
/// "Ajouter des lignes" for the offer, the questions and the criteria, without JavaScript), then
/// published; any call not yet decided can be cancelled with a reason, and the applicants are told.
/// Every member of staff reads the page; only admins change anything.
/// </summary>
[AdminForChanges]
public sealed class EditModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const int BlankRows = 2;
    public const string VersionField = "callVersion";
    public const string CancelReasonField = "cancelReason";
    public const string TitleField = "Input.Title";
    public const string DescriptionField = "Input.Description";
    public const string CategoryField = "Input.Category";
    public const string NeighbourhoodField = "Input.NeighbourhoodId";
    public const string EnvelopeField = "Input.Envelope";
    public const string WinnersField = "Input.WinnersCount";
    public const string EligibilityField = "Input.Eligibility";
    public const string OpensField = "Input.OpensAt";
    public const string ClosesField = "Input.ClosesAt";
    public const string OfferField = "Input.Offer";
    public const string QuestionsField = "Input.Questions";
    public const string CriteriaField = "Input.Criteria";


    private long _id;

    [BindProperty(Name = VersionField)]
    public long? CallVersion { get; set; }

    [BindProperty]
    public CallInput Input { get; set; } = new();

    [BindProperty(Name = CancelReasonField)]
    public string? CancelReason { get; set; }

    public CallView Call { get; private set; } = null!;

    public IReadOnlyList<string> Missing { get; private set; } = [];

    public IReadOnlyList<NeighbourhoodRow> Neighbourhoods { get; private set; } = [];

    /// <summary>The city's staff, offered as referents in the offer's rows.</summary>
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    /// <summary>The stored offer as the back office reads it (the referent by name).</summary>
    public IReadOnlyList<CommitmentView> OfferView { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public static string QuestionKey(int row, string field) => $"Input.Questions[{row}].{field}";

    public static string CriterionKey(int row, string field) => $"Input.Criteria[{row}].{field}";

    public static string ForInput(DateTime utc) => ParisDates.ForDateTimeInput(utc);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        CallVersion = Call.Version;
        Input = CallInput.From(Call);
        AddBlankRows(0);
        return Page();
    }

    /// <summary>"Ajouter des lignes": more empty rows in the offer, the questions and the criteria, without saving.</summary>
    public async Task<IActionResult> OnPostAddRowsAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        CallVersion ??= Call.Version;
        AddBlankRows(BlankRows);
        return Page();
    }

    /// <summary>"Choisir" on an offer row: the form again, unsaved, each row with the fields of its kind (without JavaScript).</summary>
    public async Task<IActionResult> OnPostChooseAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        CallVersion ??= Call.Version;
        AddBlankRows(0);
        return Page();
    }

    /// <summary>"Enregistrer le brouillon": every part of the draft at once; nothing is saved if one part is refused.</summary>
    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var call = await LoadCallAsync(id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (CallVersion is null || User.IdOrNull() is not { } adminId)
        {
            return BadRequest();
        }

        Check(TitleField, () => Text.Required(Input.Title, Domain.Calls.Call.TitleMaxLength, "Titre de l'appel"));
        Check(DescriptionField, () => Text.Optional(Input.Description, Domain.Calls.Call.DescriptionMaxLength, "Description", multiline: true));
        var category = ReadCategory();
        var neighbourhoodId = ReadNeighbourhood();
        var envelope = ReadMoney(Input.Envelope, EnvelopeField) ?? 0;
        var winners = ReadWinners();
        var opens = ReadParisTime(Input.OpensAt, OpensField);
        var closes = ReadParisTime(Input.ClosesAt, ClosesField);
        var staff = await db.StaffAsync(City.Id, cancellationToken);
        var offer = CommitmentRows.Read(Input.Offer, OfferField, ModelState, l, City.Id, staff);
        var questions = ReadQuestions();
        var criteria = ReadCriteria();
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == City.Id, cancellationToken);
        var neighbourhood = neighbourhoodId is { } nid ? city.Neighbourhoods.SingleOrDefault(n => n.Id == nid) : null;
        if (neighbourhoodId is not null && neighbourhood is null)
        {
            ModelState.AddModelError(NeighbourhoodField, l["Ce quartier n'appartient pas à cette ville."]);
        }

        db.ExpectVersion(call, CallVersion.Value);
        var before = Describe(call);
        var now = clock.GetUtcNow().UtcDateTime;
        Check(string.Empty, () => call.Describe(city, adminId, Input.Title, Input.Description, category, neighbourhood, envelope, winners ?? 0, now));
        Check(EligibilityField, () => call.SetEligibility(city, adminId, Input.Individuals, Input.Associations, Input.Companies));
        Check(ClosesField, () => call.Schedule(city, adminId, opens!.Value, closes!.Value));
        Check(OfferField, () => call.ReplaceOffer(city, adminId, offer));
        Check(QuestionsField, () => call.ReplaceQuestions(city, adminId, questions!));
        if (criteria!.Count > 0 || call.Criteria.Count > 0)
        {
            Check(CriteriaField, () => call.ReplaceCriteria(city, adminId, criteria));
        }

        if (!ModelState.IsValid)
        {
            // Nothing is saved: the refused values are shown back with their messages.
            foreach (var entry in db.ChangeTracker.Entries().ToList())
            {
                entry.State = EntityState.Detached;
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        await audit.RecordAsync(AuditAction.CallEdited, AuditSubject.Call, call.Id, call.Title, before: before, after: Describe(call), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Le brouillon de l'appel « {0} » est enregistré.", call.Title];
        return Redirect(CallAdminPaths.Edit(City.Slug, call.Id));
    }

    /// <summary>"Publier l'appel": refused, with what is missing, while the draft is incomplete.</summary>
    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var call = await LoadCallAsync(id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (CallVersion is null || User.IdOrNull() is not { } adminId)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(call, CallVersion.Value);
        var before = call.Status;
        call.Publish(city, adminId, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(
            AuditAction.CallPublished, AuditSubject.Call, call.Id, call.Title,
            before: AuditTrail.Values(("Statut", Domain.Calls.Call.Label(before))), after: AuditTrail.Values(("Statut", Domain.Calls.Call.Label(call.Status))),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'appel « {0} » est publié : il reçoit des candidatures de son ouverture à sa clôture.", call.Title];
        return Redirect(CallAdminPaths.Edit(City.Slug, call.Id));
    }

    /// <summary>"Annuler l'appel", with a reason; the applicants of submitted applications are told.</summary>
    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var call = await LoadCallAsync(id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (CallVersion is null || User.IdOrNull() is not { } adminId)
        {
            return BadRequest();
        }

        if (!Check(CancelReasonField, () => Text.Required(CancelReason, Domain.Calls.Call.ReasonMaxLength, "Motif de l'annulation", multiline: true)))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(call, CallVersion.Value);
        var before = call.Status;
        call.Cancel(city, adminId, CancelReason, clock.GetUtcNow().UtcDateTime);
        var applicants = await db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Submitted)
            .Select(a => a.ApplicantUserId)
            .ToListAsync(cancellationToken);
        foreach (var applicant in applicants.Distinct())
        {
            notifier.Notify(applicant, City.Id, NotificationKind.CallCancelled, call.Title, call.CancelReason, "/compte/mes-candidatures");
        }

        await audit.RecordAsync(
            AuditAction.CallCancelled, AuditSubject.Call, call.Id, call.Title, call.CancelReason,
            AuditTrail.Values(("Statut", Domain.Calls.Call.Label(before))), AuditTrail.Values(("Statut", Domain.Calls.Call.Label(call.Status))),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        StatusMessage = l["L'appel « {0} » est annulé ; {1} candidat(s) prévenu(s).", call.Title, applicants.Distinct().Count()];
        return Redirect(CallAdminPaths.Edit(City.Slug, call.Id));
    }

    /// <summary>After a refusal the page is shown again with the person's input, against the stored version.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The call disappeared while its page was shown again.");
        }

        CallVersion = Call.Version;
        ModelState.Remove(VersionField);
        AddBlankRows(0);
    }

    private static string Describe(Call call) => AuditTrail.Values(
        ("Titre", call.Title),
        ("Catégorie", call.Category),
        ("Quartier", call.NeighbourhoodId),
        ("Enveloppe (centimes)", call.BudgetEnvelopeCents),
        ("Lauréats", call.WinnersCount),
        ("Particuliers", call.AcceptsIndividuals),
        ("Associations", call.AcceptsAssociations),
        ("Entreprises", call.AcceptsCompanies),
        ("Ouverture (UTC)", call.OpensAtUtc.ToString("u", CultureInfo.InvariantCulture)),
        ("Clôture (UTC)", call.ClosesAtUtc.ToString("u", CultureInfo.InvariantCulture)),
        ("Engagements", call.Offer.Count),
        ("Questions", call.Questions.Count),
        ("Critères", string.Join(", ", call.Criteria.Select(c => $"{c.Name} {c.WeightPercent} %"))));

    private Task<Call?> LoadCallAsync(long id, CancellationToken cancellationToken) =>
        db.Calls
            .Include(c => c.Offer)
            .Include(c => c.Questions)
            .Include(c => c.Criteria)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

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

    private void AddBlankRows(int count)
    {
        Input.Offer = FormRows.Pad(Input.Offer, count, BlankRows, Commitment.MaxPerLabel, () => new CommitmentRow());
        Input.Questions = FormRows.Pad(Input.Questions, count, BlankRows, CallQuestion.MaxPerCall, () => new QuestionInput());
        Input.Criteria = FormRows.Pad(Input.Criteria, count, BlankRows, CallCriterion.MaxPerCall, () => new CriterionInput());
    }

    private ProjectCategory? ReadCategory()
    {
        if (string.IsNullOrWhiteSpace(Input.Category))
        {
            return null;
        }

        var category = Enum.GetValues<ProjectCategory>().Cast<ProjectCategory?>().FirstOrDefault(c => string.Equals(c.ToString(), Input.Category.Trim(), StringComparison.Ordinal));
        if (category is null)
        {
            ModelState.AddModelError(CategoryField, l["Cette catégorie n'existe pas."]);
        }

        return category;
    }

    private long? ReadNeighbourhood()
    {
        if (string.IsNullOrWhiteSpace(Input.NeighbourhoodId))
        {
            return null;
        }

        if (!long.TryParse(Input.NeighbourhoodId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ModelState.AddModelError(NeighbourhoodField, l["Choisissez le quartier dans la liste."]);
            return null;
        }

        return id;
    }

    private int? ReadWinners()
    {
        if (!int.TryParse(Input.WinnersCount?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var winners) || winners is < 1 or > Domain.Calls.Call.MaxWinners)
        {
            ModelState.AddModelError(WinnersField, l["Le nombre de lauréats doit être compris entre 1 et {0}.", Domain.Calls.Call.MaxWinners]);
            return null;
        }

        return winners;
    }

    private long? ReadMoney(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.TrimStart().StartsWith('-'))
        {
            ModelState.AddModelError(key, l["L'enveloppe budgétaire ne peut pas être négative."]);
            return null;
        }

        if (!MoneyInput.TryParseCents(text, out var cents, out var error))
        {
            ModelState.AddModelError(key, l.Explain(error));
            return null;
        }

        if (cents > Domain.Calls.Call.MaxEnvelopeCents)
        {
            ModelState.AddModelError(key, l["L'enveloppe budgétaire dépasse 100 000 000 € : vérifiez la saisie."]);
            return null;
        }

        return cents;
    }

    /// <summary>A date and time typed on the clock of Paris (the datetime-local input, or "jj/mm/aaaa hh:mm"), in UTC.</summary>
    private DateTime? ReadParisTime(string? text, string key)
    {
        var outcome = ParisDates.ReadDateTime(text, out var utc);
        string? error = outcome switch
        {
            ParisInput.Read => (string?)null,
            ParisInput.Missing => l["Indiquez la date et l'heure (heure de Paris)."].Value,
            ParisInput.Malformed => l["Saisissez une date et une heure au format jj/mm/aaaa hh:mm."].Value,
            ParisInput.DoesNotExist => l["Cette heure n'existe pas à Paris ce jour-là (passage à l'heure d'été) : choisissez-en une autre."].Value,
            ParisInput.Ambiguous => l["Cette heure existe deux fois à Paris ce jour-là (passage à l'heure d'hiver) : choisissez-en une autre."].Value,
        };
        if (error is not null)
        {
            ModelState.AddModelError(key, error);
            return null;
        }

        return utc;
    }

    private List<QuestionTerms> ReadQuestions()
    {
        var terms = new List<QuestionTerms>();
        foreach (var (row, index) in Input.Questions.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank))
        {
            var kind = Enum.GetValues<QuestionKind>().Cast<QuestionKind?>().FirstOrDefault(k => string.Equals(k.ToString(), row.Kind?.Trim(), StringComparison.Ordinal));
            if (kind is null)
            {
                ModelState.AddModelError(QuestionKey(index, nameof(QuestionInput.Kind)), l["Ce type de question n'existe pas."]);
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Label))
            {
                ModelState.AddModelError(QuestionKey(index, nameof(QuestionInput.Label)), l["Le champ « {0} » est obligatoire.", l["Intitulé de la question"]]);
                continue;
            }

            terms.Add(new QuestionTerms(row.Label, kind.Value, row.Required, row.Help));
        }

        return terms;
    }

    private List<CriterionTerms> ReadCriteria()
    {
        var terms = new List<CriterionTerms>();
        foreach (var (row, index) in Input.Criteria.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank))
        {
            var digits = row.Weight?.Replace("%", string.Empty, StringComparison.Ordinal).Trim();
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                ModelState.AddModelError(CriterionKey(index, nameof(CriterionInput.Weight)), l["Saisissez un poids entier en pour cent, entre 1 et 100."]);
                continue;
            }

            terms.Add(new CriterionTerms(row.Name, weight, row.Description));
        }

        return terms;
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = _id;
        var call = await db.Calls.AsNoTracking()
            .Include(c => c.Offer)
            .Include(c => c.Questions)
            .Include(c => c.Criteria)
            .Include(c => c.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return false;
        }

        var userIds = call.History.Where(h => h.ByUserId != null).Select(h => h.ByUserId!.Value).Distinct().ToList();
        var me = User.IdOrNull() ?? 0;
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Staff = await db.StaffAsync(City.Id, cancellationToken);
        IsAdmin = Staff.Any(s => s.Id == me && s.Role == StaffRole.Admin);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).Select(n => new NeighbourhoodRow(n.Id, n.Name)).ToListAsync(cancellationToken);
        Call = new CallView(
            call.Id,
            call.Title,
            call.Description,
            call.Category,
            call.NeighbourhoodId,
            call.BudgetEnvelopeCents,
            call.AcceptsIndividuals,
            call.AcceptsAssociations,
            call.AcceptsCompanies,
            call.OpensAtUtc,
            call.ClosesAtUtc,
            call.WinnersCount,
            call.Status,
            call.CancelReason,
            call.Version,
            call.Offer.OrderBy(o => o.Position).Select(o => o.ToTerms()).ToList(),
            call.Questions.OrderBy(q => q.Position).Select(q => new QuestionRow(q.Label, q.Kind, q.IsRequired, q.Help)).ToList(),
            call.Criteria.OrderBy(c => c.Position).Select(c => new CriterionRow(c.Name, c.WeightPercent, c.Description)).ToList(),
            call.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new EventRow(h.Action, h.FromStatus, h.ToStatus, h.ByUserId is { } by && people.TryGetValue(by, out var name) ? name : null, h.Reason, h.AtUtc))
                .ToList());
        var names = Staff.Names();
        OfferView = Call.Offer
            .Select(o => new CommitmentView(
                o.Kind,
                o.Description ?? string.Empty,
                o.EstimatedValueCents,
                o.ReferentUserId is { } referent && names.TryGetValue(referent, out var referentName) ? referentName : null,
                o.CoFinancing,
                o.GrantCents,
                o.MatchRatioPercent,
                o.MatchCapCents))
            .ToList();
        Missing = call.IsEditable ? call.MissingForPublication(clock.GetUtcNow().UtcDateTime) : [];
        return true;
    }

    public sealed record CallView(
        long Id,
        string Title,
        string? Description,
        ProjectCategory? Category,
        long? NeighbourhoodId,
        long BudgetEnvelopeCents,
        bool AcceptsIndividuals,
        bool AcceptsAssociations,
        bool AcceptsCompanies,
        DateTime OpensAtUtc,
        DateTime ClosesAtUtc,
        int WinnersCount,
        CallStatus Status,
        string? CancelReason,
        long Version,
        List<CommitmentTerms> Offer,
        List<QuestionRow> Questions,
        List<CriterionRow> Criteria,
        List<EventRow> History)
    {
        public bool IsDraft => Status == CallStatus.Draft;

        public bool CanBeCancelled => Status is CallStatus.Draft or CallStatus.Open or CallStatus.Review;
    }

    public sealed record QuestionRow(string Label, QuestionKind Kind, bool Required, string? Help);

    public sealed record CriterionRow(string Name, int WeightPercent, string? Description);

    public sealed record EventRow(CallAction Action, CallStatus From, CallStatus To, string? By, string? Reason, DateTime AtUtc);

    public sealed record NeighbourhoodRow(long Id, string Name);

    /// <summary>The draft as typed: every value is read by hand so nonsense gets a French message.</summary>
    public sealed class CallInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Category { get; set; }

        public string? NeighbourhoodId { get; set; }

        public string? Envelope { get; set; }

        public string? WinnersCount { get; set; }

        public bool Individuals { get; set; }

        public bool Associations { get; set; }

        public bool Companies { get; set; }

        public string? OpensAt { get; set; }

        public string? ClosesAt { get; set; }

        public List<CommitmentRow> Offer { get; set; } = [];

        public List<QuestionInput> Questions { get; set; } = [];

        public List<CriterionInput> Criteria { get; set; } = [];

        public static CallInput From(CallView call) => new()
        {
            Title = call.Title,
            Description = call.Description,
            Category = call.Category?.ToString(),
            NeighbourhoodId = call.NeighbourhoodId?.ToString(CultureInfo.InvariantCulture),
            Envelope = MoneyInput.ForInput(call.BudgetEnvelopeCents, CultureInfo.GetCultureInfo(Cultures.Default)),
            WinnersCount = call.WinnersCount.ToString(CultureInfo.InvariantCulture),
            Individuals = call.AcceptsIndividuals,
            Associations = call.AcceptsAssociations,
            Companies = call.AcceptsCompanies,
            OpensAt = ForInput(call.OpensAtUtc),
            ClosesAt = ForInput(call.ClosesAtUtc),
            Offer = call.Offer.Select(CommitmentRow.From).ToList(),
            Questions = call.Questions.Select(q => new QuestionInput { Label = q.Label, Kind = q.Kind.ToString(), Required = q.Required, Help = q.Help }).ToList(),
            Criteria = call.Criteria.Select(c => new CriterionInput { Name = c.Name, Weight = c.WeightPercent.ToString(CultureInfo.InvariantCulture), Description = c.Description }).ToList(),
        };
    }

    public sealed class QuestionInput : IFormRow
    {
        public string? Label { get; set; }

        public string? Kind { get; set; }

        public bool Required { get; set; }

        public string? Help { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Help);
    }

    public sealed class CriterionInput : IFormRow
    {
        public string? Name { get; set; }

        public string? Weight { get; set; }

        public string? Description { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Weight) && string.IsNullOrWhiteSpace(Description);
    }
}
