using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Legal.Admin;

/// <summary>What the city's legal pages say of it: publisher, data protection and its own accessibility audit.</summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class LegalDetailsModel(AppDbContext db, TenantContext tenant, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = tenant.MunicipalityId;
        Input = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new InputModel
            {
                Siren = m.Siren,
                PublicationDirector = m.Legal.PublicationDirector,
                PublisherAddress = m.Legal.PublisherAddress,
                LegalContactEmail = m.Legal.LegalContactEmail,
                DpoName = m.Legal.DpoName,
                DpoEmail = m.Legal.DpoEmail,
                AccessibilityCompliance = m.AccessibilityCompliance,
                AuditRate = m.Legal.AuditRate,
                AuditDate = m.Legal.AuditDate,
                Auditor = m.Legal.Auditor,
                NonConformities = m.Legal.NonConformities,
                Derogations = m.Legal.Derogations,
                ExemptContent = m.Legal.ExemptContent,
                PlanUrl = m.Legal.PlanUrl,
                PlanText = m.Legal.PlanText,
                AccessibilityContactEmail = m.Legal.AccessibilityContactEmail,
                Version = m.Version,
            })
            .SingleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var city = await db.Municipalities.SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        db.ExpectVersion(city, Input.Version);
        var before = Fields(city);
        var changed = city.ReviseLegalDetails(Input.ToDraft(), clock.GetUtcNow().UtcDateTime);
        if (changed)
        {
            var differences = Fields(city).Zip(before).Where(pair => !Equals(pair.First.Value, pair.Second.Value)).ToList();
            await audit.RecordAsync(
                AuditAction.LegalDetailsChanged,
                AuditSubject.Municipality,
                city.Id,
                city.Name,
                before: AuditTrail.Values([.. differences.Select(pair => pair.Second)]),
                after: AuditTrail.Values([.. differences.Select(pair => pair.First)]),
                cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        StatusMessage = l["Les informations légales de la ville ont été enregistrées."];
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = tenant.MunicipalityId;
        Input.Version = await db.Municipalities.Where(m => m.Id == id).Select(m => m.Version).SingleAsync(cancellationToken);
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
    }

    /// <summary>The legal details, as the audit log names them.</summary>
    private static (string Field, object? Value)[] Fields(Municipality city) =>
    [
        ("SIREN", city.Siren),
        ("Directeur ou directrice de la publication", city.Legal.PublicationDirector),
        ("Adresse de l'éditeur", city.Legal.PublisherAddress),
        ("Courriel de contact juridique", city.Legal.LegalContactEmail),
        ("Délégué à la protection des données", city.Legal.DpoName),
        ("Courriel du délégué à la protection des données", city.Legal.DpoEmail),
        ("Conformité RGAA", city.AccessibilityCompliance),
        ("Taux de conformité", city.Legal.AuditRate),
        ("Date de l'audit", city.Legal.AuditDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("Auteur de l'audit", city.Legal.Auditor),
        ("Non-conformités", city.Legal.NonConformities),
        ("Dérogations", city.Legal.Derogations),
        ("Contenus non soumis à l'obligation", city.Legal.ExemptContent),
        ("Adresse du schéma pluriannuel", city.Legal.PlanUrl),
        ("Schéma pluriannuel", city.Legal.PlanText),
        ("Courriel de contact pour l'accessibilité", city.Legal.AccessibilityContactEmail),
    ];

    public sealed class InputModel
    {
        private const string TooLong = "Le champ « {0} » ne peut pas dépasser {1} caractères.";
        private const string NotAnEmail = "Le champ « {0} » doit être une adresse électronique valide.";

        [RegularExpression(@"^\s*\d{9}\s*$", ErrorMessage = "Le SIREN doit comporter 9 chiffres.")]
        [Display(Name = "SIREN")]
        public string? Siren { get; set; }

        [StringLength(LegalDetails.NameMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Directeur ou directrice de la publication")]
        public string? PublicationDirector { get; set; }

        [StringLength(LegalDetails.AddressMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Adresse de l'éditeur")]
        public string? PublisherAddress { get; set; }

        [EmailAddress(ErrorMessage = NotAnEmail)]
        [StringLength(LegalDetails.EmailMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Courriel de contact juridique")]
        public string? LegalContactEmail { get; set; }

        [StringLength(LegalDetails.NameMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Délégué à la protection des données")]
        public string? DpoName { get; set; }

        [EmailAddress(ErrorMessage = NotAnEmail)]
        [StringLength(LegalDetails.EmailMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Courriel du délégué à la protection des données")]
        public string? DpoEmail { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Display(Name = "État de conformité RGAA")]
        public string? AccessibilityCompliance { get; set; }

        [Range(0, 100, ErrorMessage = "Le champ « {0} » doit être compris entre {1} et {2}.")]
        [Display(Name = "Taux de conformité")]
        public int? AuditRate { get; set; }

        [Display(Name = "Date de l'audit")]
        public DateOnly? AuditDate { get; set; }

        [StringLength(LegalDetails.AuditorMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Auteur de l'audit")]
        public string? Auditor { get; set; }

        [StringLength(LegalDetails.LongTextMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Non-conformités")]
        public string? NonConformities { get; set; }

        [StringLength(LegalDetails.LongTextMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Dérogations")]
        public string? Derogations { get; set; }

        [StringLength(LegalDetails.LongTextMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Contenus non soumis à l'obligation")]
        public string? ExemptContent { get; set; }

        [StringLength(LegalDetails.UrlMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Adresse du schéma pluriannuel")]
        public string? PlanUrl { get; set; }

        [StringLength(LegalDetails.LongTextMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Schéma pluriannuel")]
        public string? PlanText { get; set; }

        [EmailAddress(ErrorMessage = NotAnEmail)]
        [StringLength(LegalDetails.EmailMaxLength, ErrorMessage = TooLong)]
        [Display(Name = "Courriel de contact pour l'accessibilité")]
        public string? AccessibilityContactEmail { get; set; }

        public long Version { get; set; }

        public LegalDetailsDraft ToDraft() => new()
        {
            Siren = Siren,
            PublicationDirector = PublicationDirector,
            PublisherAddress = PublisherAddress,
            LegalContactEmail = LegalContactEmail,
            DpoName = DpoName,
            DpoEmail = DpoEmail,
            AccessibilityCompliance = AccessibilityCompliance,
            AuditRate = AuditRate,
            AuditDate = AuditDate,
            Auditor = Auditor,
            NonConformities = NonConformities,
            Derogations = Derogations,
            ExemptContent = ExemptContent,
            PlanUrl = PlanUrl,
            PlanText = PlanText,
            AccessibilityContactEmail = AccessibilityContactEmail,
        };
    }
}
