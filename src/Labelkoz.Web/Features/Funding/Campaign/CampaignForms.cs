using System.Globalization;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>The campaign's terms as the holder typed them, read into the domain's types.</summary>
public sealed record CampaignTermsRead(long GoalCents, DateTime EndsAtUtc, CampaignMode Mode, long MinimumCents);

/// <summary>
/// The campaign's terms form (<c>Config.*</c>). It reads what was typed (amounts in euros, a Paris
/// date, a mode) and asks the domain whether the end date is in its window; the other rules (the
/// goal's and the minimum's ranges) are the domain's <see cref="Campaign.Configure"/>, whose
/// refusals land next to their fields.
/// </summary>
public sealed class CampaignConfigForm
{
    public const string Prefix = "Config";

    public string? Goal { get; set; }

    public string? EndDate { get; set; }

    public string? Mode { get; set; } = nameof(CampaignMode.AllOrNothing);

    public string? Minimum { get; set; }

    public static CampaignConfigForm Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new CampaignConfigForm
        {
            Goal = campaign.GoalCents == 0 ? null : MoneyInput.ForInput(campaign.GoalCents, CultureInfo.CurrentCulture),
            EndDate = campaign.EndsAtUtc is { } end ? Cultures.ToParis(end).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Mode = campaign.Mode.ToString(),
            Minimum = MoneyInput.ForInput(campaign.MinimumContributionCents, CultureInfo.CurrentCulture),
        };
    }

    /// <summary>The terms, or null with the reasons in <paramref name="modelState"/>.</summary>
    public CampaignTermsRead? Read(ModelStateDictionary modelState, IStringLocalizer l, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        var goal = FormAmounts.Read(modelState, l, $"{Prefix}.{nameof(Goal)}", Goal);
        var minimum = string.IsNullOrWhiteSpace(Minimum) ? Campaign.MinContributionCents : FormAmounts.Read(modelState, l, $"{Prefix}.{nameof(Minimum)}", Minimum);
        var endsAt = ReadEndDate(modelState, l, nowUtc);
        CampaignMode? mode = Mode switch
        {
            nameof(CampaignMode.AllOrNothing) => CampaignMode.AllOrNothing,
            nameof(CampaignMode.KeepItAll) => CampaignMode.KeepItAll,
            _ => null,
        };
        if (mode is null)
        {
            modelState.AddRefusal(CampaignRefusals.UnknownMode, l, Prefix);
        }

        return goal is { } g && minimum is { } m && endsAt is { } e && mode is { } mo && modelState.IsValid ? new CampaignTermsRead(g, e, mo, m) : null;
    }

    private DateTime? ReadEndDate(ModelStateDictionary modelState, IStringLocalizer l, DateTime nowUtc)
    {
        const string field = $"{Prefix}.{nameof(EndDate)}";
        var read = ParisDates.ReadDate(EndDate, out var day);
        var endsAt = DateTime.MinValue;
        string? error = read switch
        {
            ParisInput.Missing => l["Indiquez la date de fin de la campagne."].Value,
            ParisInput.Read when ParisDates.EndOfDay(day, out endsAt) != ParisInput.Read =>
                l["Cette heure n'existe pas ou est ambiguë à Paris ce jour-là (changement d'heure) : choisissez un autre jour."].Value,
            ParisInput.Read => (string?)null,
            _ => l["Saisissez une date au format jj/mm/aaaa, par exemple 31/12/2026."],
        };
        if (error is not null)
        {
            modelState.AddModelError(field, error);
            return null;
        }

        if (Campaign.WhyEndDateRefused(endsAt, nowUtc) is { } refused)
        {
            modelState.AddRefusal(refused, l, Prefix);
            return null;
        }

        return endsAt;
    }
}

/// <summary>
/// A reward tier's form (<c>NewTier.*</c> to add one, <c>tier.*</c> to change one). It reads what
/// was typed and asks the domain (<see cref="RewardTier.WhyTermsRefused"/>) about the amounts and
/// the quantity; the title and the description are checked by the domain when the tier is written.
/// </summary>
public sealed class RewardTierForm
{
    public const string NewPrefix = "NewTier";

    public const string EditPrefix = "tier";

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Minimum { get; set; }

    public string? Quantity { get; set; }

    public string? Value { get; set; }

    public string? DeliveryMonth { get; set; }

    /// <summary>The whole terms, or null with the reasons in <paramref name="modelState"/> under <paramref name="prefix"/>.</summary>
    public TierTerms? Read(ModelStateDictionary modelState, IStringLocalizer l, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        var minimum = FormAmounts.Read(modelState, l, $"{prefix}.{nameof(Minimum)}", Minimum);
        var value = string.IsNullOrWhiteSpace(Value) ? 0 : FormAmounts.Read(modelState, l, $"{prefix}.{nameof(Value)}", Value);
        var quantity = ReadQuantity(modelState, l, prefix, out var quantityRead);
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(DeliveryMonth))
        {
            if (DateOnly.TryParseExact(DeliveryMonth.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || DateOnly.TryParseExact("01/" + DeliveryMonth.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
            {
                month = first;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(DeliveryMonth)}", l["Saisissez un mois au format aaaa-mm, par exemple 2027-03."]);
            }
        }

        if (minimum is not { } min || value is not { } worth || !quantityRead)
        {
            return null;
        }

        if (RewardTier.WhyTermsRefused(min, worth, quantity) is { } refused)
        {
            modelState.AddRefusal(refused, l, prefix);
        }

        return modelState.IsValid ? new TierTerms(Title!, Description, min, quantity, worth, month) : null;
    }

    /// <summary>
    /// The quantity as a number (empty: unlimited); whether it is in range is the domain's to say.
    /// <paramref name="read"/> is false when the text is not a whole number.
    /// </summary>
    public int? ReadQuantity(ModelStateDictionary modelState, IStringLocalizer l, string prefix, out bool read)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        read = true;
        if (string.IsNullOrWhiteSpace(Quantity))
        {
            return null;
        }

        if (!int.TryParse(Quantity.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
        {
            // Not a number: the domain's sentence says what a quantity may be.
            modelState.AddRefusal(CampaignRefusals.TierQuantityOutOfRange.With(RewardTier.MaxQuantity), l, prefix);
            read = false;
            return null;
        }

        return quantity;
    }
}

/// <summary>Reads an amount in euros typed in a campaign form.</summary>
internal static class FormAmounts
{
    public static long? Read(ModelStateDictionary modelState, IStringLocalizer l, string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            modelState.AddModelError(key, l["Indiquez un montant en euros."]);
            return null;
        }

        if (!MoneyInput.TryParseCents(text, out var cents, out var error))
        {
            modelState.AddModelError(key, l.Explain(error));
            return null;
        }

        return cents;
    }
}
