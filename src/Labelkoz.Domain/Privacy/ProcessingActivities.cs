namespace Labelkoz.Domain.Privacy;

/// <summary>Who decides why and how data is processed (RGPD art. 4.7) for one activity.</summary>
public enum DataController
{
    /// <summary>The platform's operator: accounts, payments, tax receipts, notifications.</summary>
    Platform,

    /// <summary>The city: its review of projects, its labels, its calls; the platform processes for it.</summary>
    City,
}

/// <summary>One line of a processing register (registre des activités de traitement, RGPD art. 30).</summary>
public sealed record ProcessingActivity(
    string Code,
    string Name,
    DataController Controller,
    string Purpose,
    string LegalBasis,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> DataSubjects,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<RetentionPeriod> Retention);

/// <summary>
/// What the platform does with personal data for a city, as the code does it: each city's register
/// is this list with the city's own name and contacts, never typed city by city.
/// </summary>
public static class ProcessingActivities
{
    /// <summary>The measures that protect every activity of the platform.</summary>
    public static readonly IReadOnlyList<string> SecurityMeasures =
    [
        "connexions chiffrées (HTTPS)",
        "mots de passe conservés sous forme d'empreinte (PBKDF2), jamais en clair",
        "personnel des villes authentifié, droits attribués ville par ville",
        "cloisonnement des données de chaque ville, vérifié par des tests automatisés",
        "sessions fermées sur tous les appareils à la déconnexion ou au changement de mot de passe",
        "journal des actions du personnel, non modifiable",
        "numéros de carte saisis chez le prestataire de paiement, jamais sur la plateforme",
    ];

    public static readonly ProcessingActivity Accounts = new(
        "accounts",
        "Gestion des comptes",
        DataController.Platform,
        "Créer et sécuriser les comptes des habitants et du personnel, les identifier à la connexion",
        "Exécution des conditions d'utilisation (RGPD art. 6.1.b)",
        ["identité (nom affiché)", "adresse électronique", "empreinte du mot de passe", "dates de connexion", "langue choisie"],
        ["habitants inscrits", "personnel des villes"],
        ["l'opérateur de la plateforme"],
        [RetentionPeriods.UnconfirmedAccounts, RetentionPeriods.InactiveAccounts]);

    public static readonly ProcessingActivity ProjectReviewAndLabels = new(
        "project-review-and-labels",
        "Étude des projets et labels",
        DataController.City,
        "Recevoir les projets des habitants, les étudier, les labelliser ou non, échanger avec leurs porteurs",
        "Mission d'intérêt public de la collectivité (RGPD art. 6.1.e)",
        ["identité du porteur", "contenu du projet", "messages et notes d'étude", "soutiens et commentaires"],
        ["porteurs de projets", "habitants qui soutiennent ou commentent"],
        ["le personnel de la ville", "le public pour les projets publiés"],
        [RetentionPeriods.UntouchedDraftProjects, RetentionPeriods.InactiveAccounts]);

    public static readonly ProcessingActivity CallsForProjects = new(
        "calls-for-projects",
        "Appels à projets",
        DataController.City,
        "Recevoir les candidatures aux appels de la ville, les noter et désigner les lauréats",
        "Mission d'intérêt public de la collectivité (RGPD art. 6.1.e)",
        ["identité du candidat", "réponses et pièces jointes", "notes des évaluateurs"],
        ["candidats"],
        ["le personnel de la ville chargé de l'appel"],
        [RetentionPeriods.InactiveAccounts]);

    public static readonly ProcessingActivity CrowdfundingAndPayments = new(
        "crowdfunding-and-payments",
        "Financement participatif et paiements",
        DataController.Platform,
        "Encaisser les contributions, les rembourser si l'objectif n'est pas atteint, verser les fonds aux porteurs",
        "Exécution du contrat de contribution (RGPD art. 6.1.b) ; obligations comptables (RGPD art. 6.1.c)",
        ["identité du contributeur", "montant et date", "moyen de paiement (sans numéro de carte)", "message facultatif"],
        ["contributeurs", "porteurs de projets"],
        ["Stripe, prestataire de paiement", "le porteur du projet", "le comptable public pour les projets de la ville"],
        [RetentionPeriods.AccountingRecords, RetentionPeriods.PaymentProcessorRecords]);

    public static readonly ProcessingActivity TaxReceipts = new(
        "tax-receipts",
        "Reçus fiscaux",
        DataController.Platform,
        "Émettre les reçus fiscaux des dons (article 200 du Code général des impôts)",
        "Obligation légale (RGPD art. 6.1.c)",
        ["nom et adresse postale du donateur", "montant, date et forme du don"],
        ["donateurs"],
        ["le bénéficiaire du don", "l'administration fiscale sur demande"],
        [RetentionPeriods.TaxReceipts]);

    public static readonly ProcessingActivity Notifications = new(
        "notifications",
        "Notifications",
        DataController.Platform,
        "Prévenir chacun des événements qui le concernent (décision, mise à jour d'un projet suivi, paiement)",
        "Exécution des conditions d'utilisation (RGPD art. 6.1.b)",
        ["adresse électronique", "projets suivis", "notifications reçues"],
        ["habitants inscrits", "personnel des villes"],
        ["l'opérateur de la plateforme et son service d'envoi de courriels"],
        [RetentionPeriods.InactiveAccounts]);

    public static readonly ProcessingActivity AuditLog = new(
        "audit-log",
        "Journal des actions",
        DataController.City,
        "Garder la trace de qui a décidé quoi et quand, pour rendre compte des décisions de la ville",
        "Mission d'intérêt public de la collectivité (RGPD art. 6.1.e)",
        ["identité de l'auteur de l'action", "action, date, valeurs avant et après"],
        ["personnel des villes", "porteurs et candidats concernés par une décision"],
        ["le personnel de la ville", "l'opérateur de la plateforme"],
        [RetentionPeriods.AuditEntries]);

    public static readonly IReadOnlyList<ProcessingActivity> All =
    [
        Accounts,
        ProjectReviewAndLabels,
        CallsForProjects,
        CrowdfundingAndPayments,
        TaxReceipts,
        Notifications,
        AuditLog,
    ];
}
