using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Audit;

/// <summary>
/// Walks each city's audit chain (<see cref="AuditChain.Verify"/>) and records the result on the
/// chain's head, for the operator's page and the <c>verify-audit</c> command alike (ADR 21).
/// </summary>
public sealed class AuditChainCheck(AppDbContext db, TimeProvider clock)
{
    public sealed record CityResult(long MunicipalityId, string Slug, string Name, AuditChainReport Report);

    /// <summary>Every city (or the one with <paramref name="slug"/>; none when it is unknown), by name.</summary>
    public async Task<IReadOnlyList<CityResult>> VerifyAsync(string? slug, CancellationToken cancellationToken)
    {
        var cities = await db.Municipalities.AsNoTracking()
            .Where(m => slug == null || m.Slug == slug)
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Slug, m.Name })
            .ToListAsync(cancellationToken);
        var results = new List<CityResult>(cities.Count);
        foreach (var city in cities)
        {
            results.Add(new CityResult(city.Id, city.Slug, city.Name, await VerifyCityAsync(city.Id, cancellationToken)));
        }

        return results;
    }

    public async Task<AuditChainReport> VerifyCityAsync(long municipalityId, CancellationToken cancellationToken)
    {
        var head = await db.AuditChainHeads.IgnoreQueryFilters().SingleOrDefaultAsync(h => h.MunicipalityId == municipalityId, cancellationToken);

        // Unsealed entries first whatever the provider's NULL ordering: they are a break in themselves.
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.MunicipalityId == municipalityId)
            .OrderBy(e => e.Sequence == null ? 0 : 1)
            .ThenBy(e => e.Sequence)
            .ThenBy(e => e.Id)
            .AsAsyncEnumerable();
        var walk = new AuditChain.Walk(municipalityId);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (!walk.Next(entry))
            {
                break;
            }
        }

        var report = walk.End(head?.LastSequence, head?.LastHash);
        if (head is not null)
        {
            head.RecordVerification(clock.GetUtcNow().UtcDateTime, report.IsIntact, report.FirstBreak is { } broken ? Describe(broken) : null);
            await db.SaveChangesAsync(cancellationToken);
        }

        return report;
    }

    /// <summary>The break in plain words (French, as the operator's console): kind, entry, place, expected and found.</summary>
    public static string Describe(AuditChainBreak broken)
    {
        ArgumentNullException.ThrowIfNull(broken);
        var what = broken.Kind switch
        {
            AuditChainBreakKind.Altered => "entrée modifiée (son contenu ne donne plus son empreinte)",
            AuditChainBreakKind.LinkBroken => "lien rompu (l'entrée ne pointe pas sur l'empreinte de la précédente)",
            AuditChainBreakKind.Gap => "trou dans la numérotation (entrées supprimées)",
            AuditChainBreakKind.Duplicate => "numéro en double",
            AuditChainBreakKind.Unsealed => "entrée jamais scellée",
            AuditChainBreakKind.Truncated => "fin de chaîne manquante (dernières entrées supprimées)",
        };
        var entry = broken.EntryId is { } id ? FormattableString.Invariant($"entrée n° {id}, ") : string.Empty;
        var found = broken.FoundSequence is { } sequence ? FormattableString.Invariant($", trouvé {sequence}") : string.Empty;
        return FormattableString.Invariant(
            $"{what} : {entry}rang attendu {broken.ExpectedSequence}{found} ; empreinte attendue {broken.ExpectedHash ?? "—"}, trouvée {broken.FoundHash ?? "—"}");
    }
}
