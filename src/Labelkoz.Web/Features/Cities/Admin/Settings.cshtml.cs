using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Audit;
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

/// <summary>How the city moderates and funds: rules that every project of the city then follows.</summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class SettingsModel(AppDbContext db, TenantContext tenant, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
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
                ProjectModeration = m.ProjectModeration,
                CommentModeration = m.CommentModeration,
                LabelRequiredForFunding = m.LabelRequiredForFunding,
                AccessibilityCompliance = m.AccessibilityCompliance,
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
        var before = Recorded(city);
        city.UpdateSettings(Input.ProjectModeration, Input.CommentModeration, Input.LabelRequiredForFunding, Input.AccessibilityCompliance, clock.GetUtcNow().UtcDateTime);
        var after = Recorded(city);
        if (before != after)
        {
            await audit.RecordAsync(AuditAction.SettingsChanged, AuditSubject.Municipality, city.Id, city.Name, before: before, after: after, cancellationToken: cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Les paramètres de la ville ont été enregistrés."];
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = tenant.MunicipalityId;
        Input.Version = await db.Municipalities.Where(m => m.Id == id).Select(m => m.Version).SingleAsync(cancellationToken);
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
    }

    /// <summary>The four settings, as the audit log records them.</summary>
    private static string Recorded(Municipality city) => AuditTrail.Values(
        ("Modération des projets", AuditNames.Recorded(city.ProjectModeration)),
        ("Modération des commentaires", AuditNames.Recorded(city.CommentModeration)),
        ("Label obligatoire avant la collecte", city.LabelRequiredForFunding),
        ("Conformité RGAA", city.AccessibilityCompliance));

    public sealed class InputModel
    {
        public ModerationMode ProjectModeration { get; set; }

        public ModerationMode CommentModeration { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Display(Name = "Label obligatoire avant la collecte")]
        public bool LabelRequiredForFunding { get; set; }

        public string? AccessibilityCompliance { get; set; }

        public long Version { get; set; }
    }
}
