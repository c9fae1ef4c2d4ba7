using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Subscriptions;

public enum SignupStatus
{
    /// <summary>Sent; the contact has not yet followed the link e-mailed to them.</summary>
    AwaitingConfirmation,

    /// <summary>The contact's address is confirmed: the operator can validate or refuse.</summary>
    Confirmed,

    /// <summary>Validated: the city, its site and its trial exist.</summary>
    Approved,

    /// <summary>Refused by the operator, with the reason.</summary>
    Refused,
}

/// <summary>
/// A commune asks to subscribe (issue #7). Its identity (name, INSEE code, SIREN, population) is
/// copied from the official list of communes, never typed; its contact confirms their address by
/// a link; the operator then validates it (which creates the city, its site and a 30-day trial,
/// and invites the contact as first admin) or refuses it with a reason.
/// </summary>
public sealed class SignupRequest
{
    public const int DomainMaxLength = 100;
    public const int ContactNameMaxLength = 120;
    public const int ContactFunctionMaxLength = 120;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 80;
    public const int ReasonMaxLength = 1000;

    /// <summary>How long the confirmation link works.</summary>
    public static readonly TimeSpan ConfirmationValidity = TimeSpan.FromDays(7);

    /// <summary>
    /// Waiting for the operator's decision: sent, or confirmed by its contact. One expression, so
    /// queries (translated to SQL: "is a request already pending for this commune?") and
    /// <see cref="IsPending"/> apply exactly the same rule.
    /// </summary>
    public static readonly Expression<Func<SignupRequest, bool>> PendingRule =
        r => r.Status == SignupStatus.AwaitingConfirmation || r.Status == SignupStatus.Confirmed;

    private static readonly Func<SignupRequest, bool> IsPendingCompiled = PendingRule.Compile();

    private SignupRequest()
    {
        InseeCode = CommuneName = OfficialDomain = ContactName = ContactFunction = ContactEmail = string.Empty;
        BillingStreet = BillingPostalCode = BillingCity = ConfirmationTokenHash = string.Empty;
    }

    public long Id { get; private set; }

    public string InseeCode { get; private set; }

    public string CommuneName { get; private set; }

    public string? Siren { get; private set; }

    public int Population { get; private set; }

    /// <summary>The town hall's own domain, e.g. "montreuil.fr" (lower case, ASCII).</summary>
    public string OfficialDomain { get; private set; }

    public string ContactName { get; private set; }

    public string ContactFunction { get; private set; }

    public string ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>The contact's address is not on the official domain: allowed when they say so, shown to the operator.</summary>
    public bool ContactOutsideDomain { get; private set; }

    public long PlanId { get; private set; }

    public BillingPeriod Period { get; private set; }

    public string BillingStreet { get; private set; }

    public string BillingPostalCode { get; private set; }

    public string BillingCity { get; private set; }

    public SignupStatus Status { get; private set; }

    public string ConfirmationTokenHash { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ConfirmationExpiresAtUtc { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public long? DecidedByUserId { get; private set; }

    public string? RefusalReason { get; private set; }

    /// <summary>The city created by the validation.</summary>
    public long? MunicipalityId { get; private set; }

    public long Version { get; private set; }

    /// <summary>The address printed on the city's invoices.</summary>
    public string BillingAddress => FormatAddress(BillingStreet, BillingPostalCode, BillingCity);

    public bool IsPending => IsPendingCompiled(this);

    public static SignupRequest Submit(
        Commune commune,
        Plan plan,
        BillingPeriod period,
        string? officialDomain,
        string? contactName,
        string? contactFunction,
        string? contactEmail,
        string? contactPhone,
        bool contactOutsideDomainConfirmed,
        string? billingStreet,
        string? billingPostalCode,
        string? billingCity,
        string confirmationTokenHash,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(commune);
        ArgumentNullException.ThrowIfNull(plan);
        if (!Enum.IsDefined(period))
        {
            throw new DomainException(SignupRefusals.UnknownBillingPeriod);
        }

        var population = commune.Population ?? 0;
        EnsurePlanFits(plan, population);
        var domain = NormalizeDomain(officialDomain);
        var email = Municipality.ValidateEmail(Text.Required(contactEmail, EmailMaxLength, "Courriel du contact", field: "ContactEmail"), "ContactEmail")!;
        var outside = !IsOnDomain(email, domain);
        if (outside && !contactOutsideDomainConfirmed)
        {
            throw new DomainException(SignupRefusals.ContactOutsideDomain.With(email, domain));
        }

        return new SignupRequest
        {
            InseeCode = commune.InseeCode,
            CommuneName = commune.Name,
            Siren = commune.Siren,
            Population = population,
            OfficialDomain = domain,
            ContactName = Text.Required(contactName, ContactNameMaxLength, "Nom du contact", field: "ContactName"),
            ContactFunction = Text.Required(contactFunction, ContactFunctionMaxLength, "Fonction du contact", field: "ContactFunction"),
            ContactEmail = email,
            ContactPhone = Text.Optional(contactPhone, PhoneMaxLength, "Téléphone du contact", field: "ContactPhone"),
            ContactOutsideDomain = outside,
            PlanId = plan.Id,
            Period = period,
            BillingStreet = Text.Required(billingStreet, StreetMaxLength, "Adresse de facturation", field: "BillingStreet"),
            BillingPostalCode = ParsePostalCode(billingPostalCode),
            BillingCity = Text.Required(billingCity, CityMaxLength, "Ville de facturation", field: "BillingCity"),
            Status = SignupStatus.AwaitingConfirmation,
            ConfirmationTokenHash = Text.Required(confirmationTokenHash, 64, "Jeton"),
            CreatedAtUtc = nowUtc,
            ConfirmationExpiresAtUtc = nowUtc + ConfirmationValidity,
        };
    }

    /// <summary>The message given when the contact's address is outside the declared domain (with {0} the address, {1} the domain).</summary>
    public const string OutsideDomainMessage =
        "L'adresse {0} n'est pas sur le domaine officiel {1} : utilisez une adresse de la mairie, ou cochez la case pour confirmer celle-ci (l'équipe de Labelkoz vérifiera qu'elle appartient bien à la collectivité).";

    /// <summary>Refuses a plan that is withdrawn or made for communes of another size.</summary>
    public static void EnsurePlanFits(Plan plan, int population)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsOffered)
        {
            throw new DomainException(SignupRefusals.PlanNoLongerOffered.With(plan.Name));
        }

        if (!plan.Covers(population))
        {
            throw new DomainException(SignupRefusals.PlanForAnotherPopulation.With(plan.Name, population.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))));
        }
    }

    /// <summary>
    /// "Mairie.Montreuil.FR", "@montreuil.fr" or "https://www.montreuil.fr/" become "montreuil.fr";
    /// accented names are turned into their ASCII (punycode) form; anything that is not a domain is refused.
    /// </summary>
    public static string NormalizeDomain(string? value)
    {
        var text = Text.Required(value, DomainMaxLength, "Domaine officiel", field: "OfficialDomain").ToLowerInvariant();
        if (text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf("//", StringComparison.Ordinal) + 2)..];
        }

        text = text.TrimStart('@').TrimEnd('/', '.');
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(text);
        }
        catch (ArgumentException)
        {
            throw new DomainException(SignupRefusals.NotADomain.With(value!.Trim()));
        }

        var labels = ascii.Split('.');
        var valid = ascii.Length <= DomainMaxLength && labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(c => char.IsAsciiLetterLower(c) || c == '-');
        if (!valid)
        {
            throw new DomainException(SignupRefusals.NotADomain.With(value!.Trim()));
        }

        // Anyone can have an address there: it proves nothing about the town hall (issue #16).
        if (Webmail.Any(w => ascii == w || ascii.EndsWith("." + w, StringComparison.Ordinal)))
        {
            throw new DomainException(SignupRefusals.WebmailDomain.With(ascii));
        }

        return ascii;
    }

    /// <summary>Domains of mail services open to anyone: never a town hall's official domain.</summary>
    public static readonly IReadOnlySet<string> Webmail = new HashSet<string>(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "ymail.com", "hotmail.fr", "hotmail.com", "outlook.fr", "outlook.com",
        "live.fr", "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.fr", "orange.fr", "wanadoo.fr", "free.fr",
        "sfr.fr", "neuf.fr", "club-internet.fr", "laposte.net", "bbox.fr", "numericable.fr", "gmx.fr", "gmx.com", "gmx.net",
        "protonmail.com", "proton.me", "pm.me", "tutanota.com", "tuta.io", "yandex.com", "yandex.ru", "mail.com", "zoho.com", "mailo.com",
    };

    /// <summary>True when the address is on the domain or one of its sub-domains (agent@mairie-montreuil.fr is not on montreuil.fr).</summary>
    public static bool IsOnDomain(string email, string domain)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(domain);
        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        string host;
        try
        {
            host = new IdnMapping().GetAscii(email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return false;
        }

        return host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
    }

    public static string FormatAddress(string street, string postalCode, string city) => $"{street}\n{postalCode} {city}";

    /// <summary>The contact follows the link: true when this confirms the request, false when it already was.</summary>
    public bool Confirm(string tokenHash, DateTime nowUtc)
    {
        if (!TokenMatches(tokenHash))
        {
            throw new DomainException(SignupRefusals.InvalidConfirmationLink);
        }

        switch (Status)
        {
            case SignupStatus.Confirmed:
            case SignupStatus.Approved:
                return false;
            case SignupStatus.Refused:
                throw new DomainException(SignupRefusals.RefusedCannotBeConfirmed);
        }

        if (nowUtc >= ConfirmationExpiresAtUtc)
        {
            throw new DomainException(SignupRefusals.ConfirmationLinkExpired);
        }

        Status = SignupStatus.Confirmed;
        ConfirmedAtUtc = nowUtc;
        Version++;
        return true;
    }

    /// <summary>The operator validates a confirmed request; the caller creates the city and its trial in the same save.</summary>
    public void Approve(long municipalityId, long? operatorUserId, DateTime nowUtc)
    {
        if (WhyCannotApprove() is { } refusal)
        {
            throw new DomainException(refusal);
        }

        Status = SignupStatus.Approved;
        MunicipalityId = municipalityId;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = operatorUserId;
        Version++;
    }

    public void Refuse(string? reason, long? operatorUserId, DateTime nowUtc)
    {
        if (WhyCannotRefuse() is { } refusal)
        {
            throw new DomainException(refusal);
        }

        RefusalReason = Text.Required(reason, ReasonMaxLength, "Motif du refus", multiline: true, field: "Reason");
        Status = SignupStatus.Refused;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = operatorUserId;
        Version++;
    }

    /// <summary>Why the operator may not validate this request (yet), or null: it waits for a decision and its contact confirmed their address.</summary>
    public DomainRefusal? WhyCannotApprove()
    {
        if (WhyCannotRefuse() is { } decided)
        {
            return decided;
        }

        return Status == SignupStatus.Confirmed ? null : SignupRefusals.ContactNotYetConfirmed;
    }

    /// <summary>Why the operator may not refuse this request, or null: it waits for a decision.</summary>
    public DomainRefusal? WhyCannotRefuse() => IsPending ? null : SignupRefusals.AlreadyDecided;

    private static string ParsePostalCode(string? value)
    {
        var code = Text.Required(value, 10, "Code postal", field: "BillingPostalCode").Replace(" ", string.Empty, StringComparison.Ordinal);
        return code.Length == 5 && code.All(char.IsAsciiDigit)
            ? code
            : throw new DomainException(SignupRefusals.PostalCodeMalformed);
    }

    private bool TokenMatches(string tokenHash) =>
        tokenHash is not null && tokenHash.Length == ConfirmationTokenHash.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(tokenHash), Encoding.ASCII.GetBytes(ConfirmationTokenHash));
}
