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

/// <summary>The city's "quartiers", in which projects and calls are placed.</summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class NeighbourhoodsModel(AppDbContext db, TenantContext tenant, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public InputModel Input { get; private set; } = new();

    public IReadOnlyList<Row> Neighbourhoods { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([FromForm(Name = nameof(Input))] InputModel input, CancellationToken cancellationToken)
    {
        Input = input;
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        var added = city.AddNeighbourhood(Input.Name, clock.GetUtcNow().UtcDateTime);

        // Its id is given by the save the entry is part of: the name identifies it in the log.
        await audit.RecordAsync(AuditAction.NeighbourhoodAdded, AuditSubject.Neighbourhood, null, added.Name, after: AuditTrail.Values(("Quartier", added.Name)), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Le quartier « {0} » a été ajouté.", added.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long neighbourhoodId, CancellationToken cancellationToken)
    {
        // Only this city's neighbourhoods are loaded: another city's id is simply "not found" by the domain.
        var city = await db.Municipalities.Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        var name = city.Neighbourhoods.SingleOrDefault(n => n.Id == neighbourhoodId)?.Name;
        var projectsInIt = await db.Projects.CountAsync(p => p.NeighbourhoodId == neighbourhoodId, cancellationToken);
        city.RemoveNeighbourhood(neighbourhoodId, projectsInIt, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(AuditAction.NeighbourhoodRemoved, AuditSubject.Neighbourhood, neighbourhoodId, name!, before: AuditTrail.Values(("Quartier", name)), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Le quartier « {0} » a été retiré.", name!];
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .OrderBy(n => n.Name)
            .Select(n => new Row(n.Id, n.Name))
            .ToListAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(Municipality.NeighbourhoodMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Nom du quartier")]
        public string? Name { get; set; }
    }

    public sealed record Row(long Id, string Name);
}
