using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPlan = Labelkoz.Domain.Subscriptions.Plan;

namespace Labelkoz.Web.Features.Subscriptions.Operator;

/// <summary>
/// The operator creates a plan (<c>/operateur/offres/nouvelle</c>) or edits one
/// (<c>/operateur/offres/{id}</c>), or retires it: retired, it is no longer offered to new sign-ups
/// and its subscribers keep it. A new price applies from each subscriber's next invoice (invoices
/// are snapshots). No audit entry: a plan belongs to no city; the plan keeps its version.
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class PlanModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string NewSegment = "nouvelle";

    [FromRoute(Name = "id")]
    public string? Segment { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The plan edited, null when a new one is being created.</summary>
    public long? PlanId { get; private set; }

    public bool IsOffered { get; private set; } = true;

    public int Subscribers { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string FormAction => $"{PlansModel.PagePath}/{(PlanId is { } id ? id.ToString(CultureInfo.InvariantCulture) : NewSegment)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadSegment(out var id))
        {
            return NotFound();
        }

        if (id is null)
        {
            Input = new InputModel { MatchfundingAllowed = true };
            return Page();
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.Name,
            p.MinPopulation,
            p.MaxPopulation,
            p.MonthlyPriceCents,
            p.YearlyPriceCents,
            p.FeeBasisPoints,
            p.MaxOpenCalls,
            p.MatchfundingAllowed,
            p.IsOffered,
            p.Version,
            Subscribers = db.Subscriptions.IgnoreQueryFilters().Count(s => s.PlanId == p.Id),
        }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var culture = CultureInfo.CurrentCulture;
        Input = new InputModel
        {
            Name = plan.Name,
            MinPopulation = plan.MinPopulation.ToString(CultureInfo.InvariantCulture),
            MaxPopulation = plan.MaxPopulation?.ToString(CultureInfo.InvariantCulture),
            MonthlyPrice = MoneyInput.ForInput(plan.MonthlyPriceCents, culture),
            YearlyPrice = MoneyInput.ForInput(plan.YearlyPriceCents, culture),
            Fee = (plan.FeeBasisPoints / 100m).ToString("0.##", culture),
            MaxOpenCalls = plan.MaxOpenCalls?.ToString(CultureInfo.InvariantCulture),
            MatchfundingAllowed = plan.MatchfundingAllowed,
            Version = plan.Version,
        };
        IsOffered = plan.IsOffered;
        Subscribers = plan.Subscribers;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ReadSegment(out var id))
        {
            return NotFound();
        }

        SubscriptionPlan? plan = null;
        if (id is { } planId)
        {
            plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null)
            {
                return NotFound();
            }

            if (Input.Version is not { } version)
            {
                return BadRequest();
            }

            db.ExpectVersion(plan, version);
        }

        var minPopulation = ReadCount(Input.MinPopulation, nameof(InputModel.MinPopulation), required: true);
        var maxPopulation = ReadCount(Input.MaxPopulation, nameof(InputModel.MaxPopulation), required: false);
        var monthly = ReadPrice(Input.MonthlyPrice, nameof(InputModel.MonthlyPrice));
        var yearly = ReadPrice(Input.YearlyPrice, nameof(InputModel.YearlyPrice));
        var fee = ReadFee();
        var maxOpenCalls = ReadCount(Input.MaxOpenCalls, nameof(InputModel.MaxOpenCalls), required: false);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            if (plan is null)
            {
                plan = SubscriptionPlan.Create(Input.Name, minPopulation!.Value, maxPopulation, monthly!.Value, yearly!.Value, fee!.Value, maxOpenCalls, Input.MatchfundingAllowed);
                db.Plans.Add(plan);
            }
            else
            {
                plan.Update(Input.Name, minPopulation!.Value, maxPopulation, monthly!.Value, yearly!.Value, fee!.Value, maxOpenCalls, Input.MatchfundingAllowed);
            }
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, l);
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (await ReportNameTakenAsync(plan.Name, id, cancellationToken))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            // Another operator gave the same name between our check and our save.
            db.ChangeTracker.Clear();
            if (!await ReportNameTakenAsync(Input.Name!.Trim(), id, cancellationToken))
            {
                throw;
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = id is null
            ? l["L'offre « {0} » est créée.", plan.Name]
            : l["L'offre « {0} » est enregistrée ; ses abonnés paieront le nouveau prix à partir de leur prochaine facture.", plan.Name];
        return Redirect(PlansModel.PagePath);
    }

    /// <summary>Retires the plan: no new sign-up can pick it; its subscribers keep it.</summary>
    public async Task<IActionResult> OnPostRetireAsync([FromForm] long? version, CancellationToken cancellationToken)
    {
        if (!ReadSegment(out var id) || id is not { } planId)
        {
            return NotFound();
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (version is not { } expected)
        {
            return BadRequest();
        }

        if (!plan.IsOffered)
        {
            StatusMessage = l["L'offre « {0} » était déjà retirée.", plan.Name];
            return Redirect(PlansModel.PagePath);
        }

        db.ExpectVersion(plan, expected);
        plan.Retire();
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'offre « {0} » est retirée : elle n'est plus proposée aux nouvelles inscriptions ; les collectivités abonnées la gardent.", plan.Name];
        return Redirect(PlansModel.PagePath);
    }

    /// <summary>After a refusal the operator's input stays in the form; the plan's state and version are read again.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!ReadSegment(out var id) || id is not { } planId)
        {
            return;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.IsOffered, p.Version, Subscribers = db.Subscriptions.IgnoreQueryFilters().Count(s => s.PlanId == p.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is not null)
        {
            IsOffered = plan.IsOffered;
            Subscribers = plan.Subscribers;
            Input.Version = plan.Version;
            ModelState.Remove(Field(nameof(InputModel.Version)));
        }
    }

    public static string Field(string name) => $"{nameof(Input)}.{name}";

    /// <summary>"nouvelle" is a new plan (null id); a number is an existing plan; anything else is not a page.</summary>
    private bool ReadSegment(out long? id)
    {
        id = null;
        if (string.Equals(Segment, NewSegment, StringComparison.Ordinal))
        {
            return true;
        }

        if (long.TryParse(Segment, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            id = value;
            PlanId = value;
            return true;
        }

        return false;
    }

    /// <summary>The form key of the field a refusal of the plan's rules is about, so the message sits next to it (the summary otherwise).</summary>
    /// <summary>A whole number of inhabitants or calls ("12 500" too); a sign is kept so the domain can refuse it.</summary>
    private int? ReadCount(string? text, string field, bool required)
    {
        var digits = new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '\u202F').ToArray()).Replace('\u2212', '-');
        if (digits.Length == 0)
        {
            if (required)
            {
                ModelState.AddModelError(Field(field), l["Indiquez un nombre entier, par exemple 10 000."]);
            }

            return null;
        }

        if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            ModelState.AddModelError(Field(field), l["Indiquez un nombre entier, par exemple 10 000."]);
            return null;
        }

        return value;
    }

    private long? ReadPrice(string? text, string field)
    {
        if (!MoneyInput.TryParseCents(text, out var cents, out var error))
        {
            ModelState.AddModelError(Field(field), l.Explain(error));
            return null;
        }

        return cents;
    }

    /// <summary>The fee in percent with up to two decimals ("5", "4,5", "2.75") as basis points.</summary>
    private int? ReadFee()
    {
        var text = (Input.Fee ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal).Replace(',', '.').Replace('\u2212', '-');
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || Math.Abs(percent) > 1_000)
        {
            ModelState.AddModelError(Field(nameof(InputModel.Fee)), l["Indiquez la commission en pourcentage, par exemple 5 ou 4,5."]);
            return null;
        }

        if (percent.Scale > 2 && percent != Math.Round(percent, 2))
        {
            ModelState.AddModelError(Field(nameof(InputModel.Fee)), l["La commission a au plus deux chiffres après la virgule."]);
            return null;
        }

        return decimal.ToInt32(Math.Round(percent * 100));
    }

    /// <summary>Puts "already used" on the name field; true when another plan has the name.</summary>
    private async Task<bool> ReportNameTakenAsync(string name, long? id, CancellationToken cancellationToken)
    {
        if (!await db.Plans.AsNoTracking().AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            return false;
        }

        ModelState.AddModelError(Field(nameof(InputModel.Name)), l["Une autre offre s'appelle déjà « {0} ».", name]);
        return true;
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? MinPopulation { get; set; }

        public string? MaxPopulation { get; set; }

        public string? MonthlyPrice { get; set; }

        public string? YearlyPrice { get; set; }

        public string? Fee { get; set; }

        public string? MaxOpenCalls { get; set; }

        [Display(Name = "Abondement autorisé")]
        public bool MatchfundingAllowed { get; set; }

        public long? Version { get; set; }
    }
}
