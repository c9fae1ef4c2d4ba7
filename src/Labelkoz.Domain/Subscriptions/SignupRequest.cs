using System.Globalization;
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

    public bool IsPending => Status is SignupStatus.AwaitingConfirmation or SignupStatus.Confirmed;

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
            throw new DomainException("Choisissez une facturation mensuelle ou annuelle.");
        }

        var population = commune.Population ?? 0;
        EnsurePlanFits(plan, population);
        var domain = NormalizeDomain(officialDomain);
        var email = Municipality.ValidateEmail(Text.Required(contactEmail, EmailMaxLength, "Courriel du contact"))!;
        var outside = !IsOnDomain(email, domain);
        if (outside && !contactOutsideDomainConfirmed)
        {
            throw new DomainException(OutsideDomainMessage, email, domain);
        }

        return new SignupRequest
        {
            InseeCode = commune.InseeCode,
            CommuneName = commune.Name,
            Siren = commune.Siren,
            Population = population,
            OfficialDomain = domain,
            ContactName = Text.Required(contactName, ContactNameMaxLength, "Nom du contact"),
            ContactFunction = Text.Required(contactFunction, ContactFunctionMaxLength, "Fonction du contact"),
            ContactEmail = email,
            ContactPhone = Text.Optional(contactPhone, PhoneMaxLength, "Téléphone du contact"),
            ContactOutsideDomain = outside,
            PlanId = plan.Id,
            Period = period,
            BillingStreet = Text.Required(billingStreet, StreetMaxLength, "Adresse de facturation"),
            BillingPostalCode = ParsePostalCode(billingPostalCode),
            BillingCity = Text.Required(billingCity, CityMaxLength, "Ville de facturation"),
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
            throw new DomainException("L'offre « {0} » n'est plus proposée.", plan.Name);
        }

        if (!plan.Covers(population))
        {
            throw new DomainException(
                "L'offre « {0} » ne correspond pas à une commune de {1} habitants : choisissez l'offre proposée pour sa population.",
                plan.Name,
                population.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")));
        }
    }

    /// <summary>
    /// "Mairie.Montreuil.FR", "@montreuil.fr" or "https://www.montreuil.fr/" become "montreuil.fr";
    /// accented names are turned into their ASCII (punycode) form; anything that is not a domain is refused.
    /// </summary>
    public static string NormalizeDomain(string? value)
    {
        var text = Text.Required(value, DomainMaxLength, "Domaine officiel").ToLowerInvariant();
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
            throw new DomainException("« {0} » n'est pas un nom de domaine : indiquez celui des adresses de la mairie, par exemple montreuil.fr.", value!.Trim());
        }

        var labels = ascii.Split('.');
        var valid = ascii.Length <= DomainMaxLength && labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(c => char.IsAsciiLetterLower(c) || c == '-');
        return valid
            ? ascii
            : throw new DomainException("« {0} » n'est pas un nom de domaine : indiquez celui des adresses de la mairie, par exemple montreuil.fr.", value!.Trim());
    }

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
            throw new DomainException("Ce lien de confirmation n'est pas valide.");
        }

        switch (Status)
        {
            case SignupStatus.Confirmed:
            case SignupStatus.Approved:
                return false;
            case SignupStatus.Refused:
                throw new DomainException("Cette demande a été refusée : elle ne peut plus être confirmée.");
        }

        if (nowUtc >= ConfirmationExpiresAtUtc)
        {
            throw new DomainException("Ce lien de confirmation a expiré : déposez une nouvelle demande.");
        }

        Status = SignupStatus.Confirmed;
        ConfirmedAtUtc = nowUtc;
        Version++;
        return true;
    }

    /// <summary>The operator validates a confirmed request; the caller creates the city and its trial in the same save.</summary>
    public void Approve(long municipalityId, long? operatorUserId, DateTime nowUtc)
    {
        EnsurePending();
        if (Status != SignupStatus.Confirmed)
        {
            throw new DomainException("Le contact n'a pas encore confirmé son adresse électronique : la demande ne peut pas encore être validée.");
        }

        Status = SignupStatus.Approved;
        MunicipalityId = municipalityId;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = operatorUserId;
        Version++;
    }

    public void Refuse(string? reason, long? operatorUserId, DateTime nowUtc)
    {
        EnsurePending();
        RefusalReason = Text.Required(reason, ReasonMaxLength, "Motif du refus", multiline: true);
        Status = SignupStatus.Refused;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = operatorUserId;
        Version++;
    }

    private static string ParsePostalCode(string? value)
    {
        var code = Text.Required(value, 10, "Code postal").Replace(" ", string.Empty, StringComparison.Ordinal);
        return code.Length == 5 && code.All(char.IsAsciiDigit)
            ? code
            : throw new DomainException("Le code postal doit comporter 5 chiffres.");
    }

    private void EnsurePending()
    {
        if (!IsPending)
        {
            throw new DomainException("Cette demande a déjà été traitée.");
        }
    }

    private bool TokenMatches(string tokenHash) =>
        tokenHash is not null && tokenHash.Length == ConfirmationTokenHash.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(tokenHash), Encoding.ASCII.GetBytes(ConfirmationTokenHash));
}
