namespace Labelkoz.Domain.Privacy;

public enum RetentionUnit
{
    Days,
    Months,
    Years,
}

/// <summary>A length of time counted in the unit the law or the notice names it in (a month is a calendar month).</summary>
public readonly record struct RetentionDuration(int Amount, RetentionUnit Unit)
{
    /// <summary>When data kept from <paramref name="startUtc"/> reaches the end of this duration.</summary>
    public DateTime EndsAfter(DateTime startUtc) => Unit switch
    {
        RetentionUnit.Days => startUtc.AddDays(Amount),
        RetentionUnit.Months => startUtc.AddMonths(Amount),
        RetentionUnit.Years => startUtc.AddYears(Amount),
    };
}

/// <summary>
/// How long one kind of personal data is kept. <see cref="Duration"/> is null when the end is not
/// a fixed length of time (kept under a pseudonym, kept by the payment processor under its own
/// rules): <see cref="Rule"/> then says what happens.
/// </summary>
public sealed record RetentionPeriod(
    string Code,
    string Data,
    RetentionDuration? Duration,
    string Rule,
    string? LegalBasis);

/// <summary>
/// The one statement of how long the platform keeps personal data. The privacy notice and each
/// city's processing register are rendered from it, and the jobs that delete or pseudonymise data
/// take their delays from it, so what the notice promises is what the code does.
/// </summary>
public static class RetentionPeriods
{
    public static readonly RetentionPeriod UnconfirmedAccounts = new(
        "unconfirmed-accounts",
        "Comptes dont l'adresse électronique n'a jamais été confirmée",
        new(7, RetentionUnit.Days),
        "supprimés 7 jours après l'inscription",
        null);

    public static readonly RetentionPeriod UntouchedDraftProjects = new(
        "untouched-draft-projects",
        "Brouillons de projets jamais déposés",
        new(12, RetentionUnit.Months),
        "supprimés 12 mois après leur dernière modification",
        null);

    public static readonly RetentionPeriod DecidedSignupRequests = new(
        "decided-signup-requests",
        "Demandes d'inscription des collectivités, une fois acceptées ou refusées",
        new(12, RetentionUnit.Months),
        "supprimées 12 mois après la décision",
        null);

    public static readonly RetentionPeriod InactiveAccounts = new(
        "inactive-accounts",
        "Comptes inactifs",
        new(3, RetentionUnit.Years),
        "supprimés 3 ans après la dernière connexion ; les pièces comptables qui les citent sont conservées sous un pseudonyme",
        null);

    public static readonly RetentionPeriod AccountingRecords = new(
        "accounting-records",
        "Pièces comptables : contributions, remboursements, versements, factures",
        new(10, RetentionUnit.Years),
        "conservées 10 ans après la clôture de l'exercice",
        "Code de commerce, article L123-22");

    // The tax authority may check a receipt for six years (LPF L102 B); it is also an accounting
    // record, which the Code de commerce keeps for ten: the longer period wins.
    public static readonly RetentionPeriod TaxReceipts = new(
        "tax-receipts",
        "Reçus fiscaux et leurs justificatifs",
        new(10, RetentionUnit.Years),
        "conservés 10 ans après leur émission (au moins 6 ans exigés par le Livre des procédures fiscales)",
        "Livre des procédures fiscales, article L102 B ; Code de commerce, article L123-22");

    public static readonly RetentionPeriod AuditEntries = new(
        "audit-entries",
        "Journal des décisions et des actions du personnel",
        null,
        "conservé tant que le service existe ; à la suppression d'un compte, son auteur n'y figure plus que sous un pseudonyme",
        null);

    public static readonly RetentionPeriod PaymentProcessorRecords = new(
        "payment-processor-records",
        "Données de paiement détenues par le prestataire de paiement (Stripe)",
        null,
        "conservées par le prestataire selon ses propres obligations légales ; le numéro de carte n'est jamais transmis à la plateforme",
        null);

    public static readonly IReadOnlyList<RetentionPeriod> All =
    [
        UnconfirmedAccounts,
        UntouchedDraftProjects,
        DecidedSignupRequests,
        InactiveAccounts,
        AccountingRecords,
        TaxReceipts,
        AuditEntries,
        PaymentProcessorRecords,
    ];
}
