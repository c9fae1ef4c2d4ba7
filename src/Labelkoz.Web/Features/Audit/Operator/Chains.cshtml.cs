using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Audit.Operator;

/// <summary>
/// The audit log's integrity, city by city (ADR 21): each chain's entries, its last verification
/// and its verdict ("Chaîne intacte" or the first broken link). Verifying walks every chain again.
/// </summary>
public sealed class ChainsModel(AppDbContext db, AuditChainCheck check, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Path = "/operateur/journal/integrite";

    public IReadOnlyList<Row> Chains { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Chains = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new Row(
                m.Id,
                m.Name,
                m.Slug,
                db.AuditEntries.Count(e => e.MunicipalityId == m.Id),
                db.AuditChainHeads.Where(h => h.MunicipalityId == m.Id).Select(h => (long?)h.LastSequence).FirstOrDefault(),
                db.AuditChainHeads.Where(h => h.MunicipalityId == m.Id).Select(h => h.VerifiedAtUtc).FirstOrDefault(),
                db.AuditChainHeads.Where(h => h.MunicipalityId == m.Id).Select(h => h.VerifiedIntact).FirstOrDefault(),
                db.AuditChainHeads.Where(h => h.MunicipalityId == m.Id).Select(h => h.VerifiedReport).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var results = await check.VerifyAsync(slug: null, cancellationToken);
        var broken = results.Count(r => !r.Report.IsIntact);
        StatusMessage = broken == 0
            ? l["Les {0} chaînes sont intactes.", results.Count]
            : l["{0} chaîne(s) rompue(s) sur {1} : voyez le premier lien rompu de chacune ci-dessous.", broken, results.Count];
        return Redirect(Path);
    }

    public sealed record Row(long Id, string Name, string Slug, int Entries, long? LastSequence, DateTime? VerifiedAtUtc, bool? Intact, string? Report);
}
