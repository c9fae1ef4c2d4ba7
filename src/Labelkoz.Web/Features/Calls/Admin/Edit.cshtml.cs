using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Labels;
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
/// One call for projects in the back office. A draft is edited by an admin in one form
/// (<see cref="CallForm"/>, with "Ajouter des lignes" for the offer, the questions and the
/// criteria, without JavaScript) that the domain takes or refuses whole (<see cref="Call.Revise"/>),
/// then published. Cancelling asks for confirmation on its own page (<see cref="CancelModel"/>).
/// Every member of staff reads the page; only admins change anything.
/// </summary>
[AdminForChanges]
public sealed class EditModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string VersionField = "callVersion";

    private long _id;
    private Call? _stored;

    [BindProperty(Name = VersionField)]
    public long? CallVersion { get; set; }

    [BindProperty]
    public CallForm Input { get; set; } = new();

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

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        CallVersion = Call.Version;
        Input = CallForm.From(_stored!);
        Input.Pad(0);
        return Page();
    }

    /// <summary>"Ajouter des lignes": more empty rows in the offer, the questions and the criteria, without saving.</summary>
    public Task<IActionResult> OnPostAddRowsAsync(long id, CancellationToken cancellationToken) => ShowAgainAsync(id, CallForm.BlankRows, cancellationToken);

    /// <summary>"Choisir" on an offer row: the form again, unsaved, each row with the fields of its kind (without JavaScript).</summary>
    public Task<IActionResult> OnPostChooseAsync(long id, CancellationToken cancellationToken) => ShowAgainAsync(id, 0, cancellationToken);

    /// <summary>"Enregistrer le brouillon": every part of the draft at once; nothing is saved if one part is refused.</summary>
    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        _id = id;
        var call = await LoadCallAsync(id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (CallVersion is null)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == City.Id, cancellationToken);
        var staff = await db.StaffAsync(City.Id, cancellationToken);
        var before = Describe(call);
        if (Input.TryRead(ModelState, l, City.Id, staff, city.Neighbourhoods) is { } draft)
        {
            db.ExpectVersion(call, CallVersion.Value);
            foreach (var refusal in call.Revise(city, User.Id(), draft))
            {
                ModelState.AddRefusal(refusal, l);
            }
        }

        if (!ModelState.IsValid)
        {
            // Nothing changed: the refused values are shown back with their messages.
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

        if (CallVersion is null)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(call, CallVersion.Value);
        var before = call.Status;
        call.Publish(city, User.Id(), clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(
            AuditAction.CallPublished, AuditSubject.Call, call.Id, call.Title,
            before: AuditTrail.Values(("Statut", Domain.Calls.Call.Label(before))), after: AuditTrail.Values(("Statut", Domain.Calls.Call.Label(call.Status))),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'appel « {0} » est publié : il reçoit des candidatures de son ouverture à sa clôture.", call.Title];
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
        Input.Pad(0);
    }

    private async Task<IActionResult> ShowAgainAsync(long id, int blankRows, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        CallVersion ??= Call.Version;
        Input.Pad(blankRows);
        return Page();
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

        _stored = call;
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

        public bool CanBeCancelled => Domain.Calls.Call.CanBeCancelled(Status);
    }

    public sealed record QuestionRow(string Label, QuestionKind Kind, bool Required, string? Help);

    public sealed record CriterionRow(string Name, int WeightPercent, string? Description);

    public sealed record EventRow(CallAction Action, CallStatus From, CallStatus To, string? By, string? Reason, DateTime AtUtc);

    public sealed record NeighbourhoodRow(long Id, string Name);
}
