using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Communes;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Signup;

/// <summary>
/// A commune signs up (issue #7), without an account and without JavaScript: it finds itself in the
/// official list of communes (step 1), then names its domain, its contact, its plan and its billing
/// (step 2). Its identity is read again from the official table on every request, never from the
/// form; the request waits for its contact to confirm their address by the link e-mailed to them.
/// </summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class IndexModel(
    AppDbContext db,
    CommuneCatalog catalog,
    SignupMailer mailer,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string Path = "/inscrire-ma-collectivite";

    /// <summary>Read once by the "request sent" page.</summary>
    public const string SentEmailKey = "Inscription.Courriel";

    /// <summary>The search: a commune's name or postal code.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The chosen commune's INSEE code, in the address of step 2 (and of its form's action).</summary>
    [BindProperty(SupportsGet = true, Name = "insee")]
    public string? Insee { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<CommuneMatch> Matches { get; private set; } = [];

    /// <summary>A search was asked but is too short to run.</summary>
    public bool QueryTooShort { get; private set; }

    /// <summary>A search ran (the query is long enough).</summary>
    public bool Searched { get; private set; }

    /// <summary>The commune chosen at step 2, as the official list has it.</summary>
    public CommuneMatch? Commune { get; private set; }

    /// <summary>Why the chosen commune cannot sign up (unknown, already a member, a request pending), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The member city that already holds the chosen INSEE code.</summary>
    public MemberCity? Registered { get; private set; }

    /// <summary>The plans offered to a commune of this size.</summary>
    public IReadOnlyList<PlanOption> Plans { get; private set; } = [];

    public long? SuggestedPlanId { get; private set; }

    public int Population => Commune?.Population ?? 0;

    /// <summary>The contact's address is not on the declared domain: the confirmation box is brought forward.</summary>
    public bool EmailOutsideDomain { get; private set; }

    public bool ShowForm => Commune is not null && Refusal is null;

    private IReadOnlyList<Plan> AllPlans { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Commune is not null)
        {
            Input.InseeCode = Commune.InseeCode;
            Input.PlanId = SuggestedPlanId;
            Input.Period = BillingPeriod.Monthly;
            Input.BillingPostalCode = Commune.PostalCodes.Count > 0 ? Commune.PostalCodes[0] : null;
            Input.BillingCity = Commune.Name;
        }
        else if (Refusal is not null)
        {
            // An INSEE code that is not in the official list: the search form, with the reason.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ShowForm)
        {
            return Page();
        }

        CheckDomain();
        var plan = CheckPlan();
        if (!ModelState.IsValid || plan is null)
        {
            return Page();
        }

        var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.InseeCode == Commune!.InseeCode, cancellationToken);
        var (token, hash) = InvitationTokens.Create();
        SignupRequest request;
        try
        {
            request = SignupRequest.Submit(
                commune,
                plan,
                Input.Period!.Value,
                Input.OfficialDomain,
                Input.ContactName,
                Input.ContactFunction,
                Input.ContactEmail,
                Input.ContactPhone,
                Input.ContactOutsideDomainConfirmed,
                Input.BillingStreet,
                Input.BillingPostalCode,
                Input.BillingCity,
                hash,
                clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException refusal)
        {
            // An address outside the official domain is refused until the box says it is the city's.
            EmailOutsideDomain = Input.ContactOutsideDomainConfirmed || refusal.Refusal.Is(SignupRefusals.ContactOutsideDomain);
            ModelState.AddRefusal(refusal, l);
            return Page();
        }

        db.SignupRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request for the same commune was saved between our check and our save.
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            if (Refusal is null)
            {
                throw;
            }

            return Page();
        }

        await mailer.SendConfirmationAsync(
            new(request.ContactEmail, request.ContactName, request.CommuneName, plan.Name, PeriodName(request.Period), token, request.ConfirmationExpiresAtUtc),
            cancellationToken);
        TempData[SentEmailKey] = request.ContactEmail;
        return RedirectToPage("/Signup/Sent");
    }

    /// <summary>Step 1 (the search) or step 2 (the chosen commune, whether it may sign up, its plans).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var posted = HttpMethods.IsPost(Request.Method);
        var code = posted ? Input.InseeCode ?? Insee : Insee;
        if (string.IsNullOrWhiteSpace(code))
        {
            await SearchAsync(cancellationToken);
            return;
        }

        // The hidden field and the address must name the same commune: anything else was forged.
        var forged = posted && Insee is not null && Input.InseeCode is not null
            && !string.Equals(Insee.Trim(), Input.InseeCode.Trim(), StringComparison.OrdinalIgnoreCase);
        Commune = forged ? null : await catalog.FindAsync(code, cancellationToken);
        if (Commune is null)
        {
            Refusal = l["Ce code INSEE ne figure pas dans la liste officielle des communes."];
            await SearchAsync(cancellationToken);
            return;
        }

        var insee = Commune.InseeCode;
        Registered = await db.Municipalities.AsNoTracking()
            .Where(m => m.InseeCode == insee)
            .Select(m => new MemberCity(m.Name, m.Slug))
            .FirstOrDefaultAsync(cancellationToken);
        if (Registered is not null)
        {
            Refusal = l["{0} est déjà inscrite sur Labelkoz : son site est /{1}.", Registered.Name, Registered.Slug];
            return;
        }

        var pending = await db.SignupRequests.AsNoTracking()
            .Where(SignupRequest.PendingRule)
            .AnyAsync(r => r.InseeCode == insee, cancellationToken);
        if (pending)
        {
            Refusal = l["Une demande d'inscription est déjà en cours pour {0}.", Commune.Name];
            return;
        }

        AllPlans = await db.Plans.AsNoTracking().OrderBy(p => p.MinPopulation).ThenBy(p => p.MonthlyPriceCents).ToListAsync(cancellationToken);
        var population = Population;
        SuggestedPlanId = Plan.Suggest(AllPlans, population)?.Id;
        Plans = AllPlans
            .Where(p => p.IsOffered && p.Covers(population))
            .Select(p => new PlanOption(p.Id, p.Name, p.MonthlyPriceCents, p.YearlyPriceCents, p.FeeBasisPoints, p.MaxOpenCalls, p.MatchfundingAllowed, p.Id == SuggestedPlanId))
            .ToList();
    }

    public string PeriodName(BillingPeriod period) => period switch
    {
        BillingPeriod.Monthly => l["mensuelle"],
        BillingPeriod.Yearly => l["annuelle"],
    };

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        var query = Query?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return;
        }

        if (query.Length < CommuneCatalog.MinQueryLength)
        {
            QueryTooShort = true;
            return;
        }

        Searched = true;
        Matches = await catalog.SearchAsync(query, CommuneCatalog.MaxResults, cancellationToken);
    }

    private void CheckDomain()
    {
        if (HasError(nameof(InputModel.OfficialDomain)) || string.IsNullOrWhiteSpace(Input.OfficialDomain))
        {
            return;
        }

        try
        {
            SignupRequest.NormalizeDomain(Input.OfficialDomain);
        }
        catch (DomainException refusal)
        {
            AddError(nameof(InputModel.OfficialDomain), l.Localize(refusal));
        }
    }

    private Plan? CheckPlan()
    {
        if (HasError(nameof(InputModel.PlanId)))
        {
            return null;
        }

        var plan = AllPlans.FirstOrDefault(p => p.Id == Input.PlanId);
        if (plan is null)
        {
            AddError(nameof(InputModel.PlanId), l["Choisissez une des offres proposées."]);
            return null;
        }

        try
        {
            SignupRequest.EnsurePlanFits(plan, Population);
            return plan;
        }
        catch (DomainException refusal)
        {
            AddError(nameof(InputModel.PlanId), l.Localize(refusal));
            return null;
        }
    }

    private bool HasError(string field) =>
        ModelState.TryGetValue(Field(field), out var entry) && entry.Errors.Count > 0;

    private void AddError(string field, string message) => ModelState.AddModelError(Field(field), message);

    private static string Field(string name) => $"{nameof(Input)}.{name}";

    public sealed record MemberCity(string Name, string Slug);

    public sealed record PlanOption(long Id, string Name, long MonthlyPriceCents, long YearlyPriceCents, int FeeBasisPoints, int? MaxOpenCalls, bool MatchfundingAllowed, bool Suggested);

    public sealed class InputModel
    {
        public string? InseeCode { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(SignupRequest.DomainMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Domaine officiel")]
        public string? OfficialDomain { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(SignupRequest.ContactNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Nom du contact")]
        public string? ContactName { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(SignupRequest.ContactFunctionMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Fonction du contact")]
        public string? ContactFunction { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(SignupRequest.EmailMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [EmailAddress(ErrorMessage = "Le champ « {0} » doit être une adresse électronique valide.")]
        [Display(Name = "Courriel du contact")]
        public string? ContactEmail { get; set; }

        [StringLength(SignupRequest.PhoneMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Téléphone du contact")]
        public string? ContactPhone { get; set; }

        public bool ContactOutsideDomainConfirmed { get; set; }

        [Required(ErrorMessage = "Choisissez une des offres proposées.")]
        [Display(Name = "Offre")]
        public long? PlanId { get; set; }

        [Required(ErrorMessage = "Choisissez une facturation mensuelle ou annuelle.")]
        [Display(Name = "Facturation")]
        public BillingPeriod? Period { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(SignupRequest.StreetMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Adresse de facturation")]
        public string? BillingStreet { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(10, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Code postal")]
        public string? BillingPostalCode { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(SignupRequest.CityMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Ville de facturation")]
        public string? BillingCity { get; set; }
    }
}
