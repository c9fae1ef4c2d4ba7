using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Accounts;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>How proposing works, and the title that starts a draft.</summary>
[Authorize]
public sealed class StartModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CurrentCity City => tenant.City!;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var project = Project.StartDraft(City.Id, User.Id(), Input.Title, clock.GetUtcNow().UtcDateTime);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        TempData[nameof(EditModel.StatusMessage)] = l["Votre brouillon « {0} » est créé. Complétez-le à votre rythme : il est enregistré chaque fois que vous cliquez sur « Enregistrer le brouillon ».", project.Title].Value;
        return Redirect(ProposePaths.Edit(City.Slug, project.Id));
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(Project.TitleMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Titre du projet")]
        public string? Title { get; set; }
    }
}
