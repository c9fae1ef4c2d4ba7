using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>The holder gives up the project, with an optional reason kept in its history.</summary>
[Authorize]
public sealed class WithdrawModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    private long _projectId;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Summary Current { get; private set; } = null!;

    public string CitySlug => tenant.City!.Slug;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var holder = await db.Projects.Where(p => p.Id == id).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return NotFound();
        }

        if (holder != User.Id())
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (!project.IsHeldBy(userId))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        project.Withdraw(userId, Input.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = l["Le projet « {0} » est retiré. Il reste dans vos projets, mais ne peut plus être modifié ni déposé.", project.Title].Value;
        return Redirect(ProposePaths.MyProjects);
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await db.Projects.AsNoTracking()
            .Where(p => p.Id == _projectId)
            .Select(p => new Summary(p.Id, p.Title, p.Status))
            .SingleAsync(cancellationToken);
    }

    public sealed record Summary(long Id, string Title, ProjectStatus Status)
    {
        /// <summary>Not once money is involved (the domain says why), nor from a final state.</summary>
        public bool CanBeWithdrawn => ProjectLifecycle.CanMove(Status, ProjectStatus.Withdrawn);
    }

    public sealed class InputModel
    {
        [StringLength(Project.ReasonMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Motif")]
        public string? Reason { get; set; }
    }
}
