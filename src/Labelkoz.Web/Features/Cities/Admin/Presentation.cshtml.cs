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

namespace Labelkoz.Web.Features.Cities.Admin;

/// <summary>The city's name, presentation and contact details, shown on its public site.</summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class PresentationModel(AppDbContext db, TenantContext tenant, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
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
                Name = m.Name,
                Presentation = m.Presentation,
                ContactEmail = m.ContactEmail,
                ContactPhone = m.ContactPhone,
                Website = m.Website,
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
        city.UpdatePresentation(Input.Name, Input.Presentation, Input.ContactEmail, Input.ContactPhone, Input.Website, clock.GetUtcNow().UtcDateTime);
        var changed = Fields(city).Zip(before).Where(pair => !Equals(pair.First.Value, pair.Second.Value)).ToList();
        if (changed.Count > 0)
        {
            await audit.RecordAsync(
                AuditAction.PresentationChanged,
                AuditSubject.Municipality,
                city.Id,
                city.Name,
                before: AuditTrail.Values([.. changed.Select(pair => pair.Second)]),
                after: AuditTrail.Values([.. changed.Select(pair => pair.First)]),
                cancellationToken: cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["La présentation de la ville a été enregistrée."];
        return RedirectToPage();
    }

    /// <summary>After a refusal the person's text stays in the form; only the version is refreshed so they can send it again.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = tenant.MunicipalityId;
        Input.Version = await db.Municipalities.Where(m => m.Id == id).Select(m => m.Version).SingleAsync(cancellationToken);
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
    }

    /// <summary>The presentation's fields, as the audit log names them.</summary>
    private static (string Field, object? Value)[] Fields(Municipality city) =>
    [
        ("Nom", city.Name),
        ("Présentation", city.Presentation),
        ("Courriel de contact", city.ContactEmail),
        ("Téléphone", city.ContactPhone),
        ("Site internet", city.Website),
    ];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(Municipality.NameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Nom de la collectivité")]
        public string? Name { get; set; }

        [StringLength(Municipality.PresentationMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Présentation")]
        public string? Presentation { get; set; }

        [EmailAddress(ErrorMessage = "Le champ « {0} » doit être une adresse électronique valide.")]
        [StringLength(254, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Courriel de contact")]
        public string? ContactEmail { get; set; }

        [StringLength(30, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Téléphone")]
        public string? ContactPhone { get; set; }

        [StringLength(300, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Site internet")]
        public string? Website { get; set; }

        public long Version { get; set; }
    }
}
