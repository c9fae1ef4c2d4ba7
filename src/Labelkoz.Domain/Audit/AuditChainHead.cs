using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Audit;

/// <summary>
/// The head of one city's chain: the last sequence and hash appended. The save pipeline locks this
/// row (an upsert that writes it) before it seals new entries, so two transactions never take the
/// same place; the verification compares the chain's end with it and records its last result here.
/// </summary>
public sealed class AuditChainHead : ITenantOwned
{
    public const int ReportMaxLength = 1_000;

    private AuditChainHead()
    {
        LastHash = AuditChain.Genesis;
    }

    public long MunicipalityId { get; private set; }

    public long LastSequence { get; private set; }

    public string LastHash { get; private set; }

    public DateTime? VerifiedAtUtc { get; private set; }

    public bool? VerifiedIntact { get; private set; }

    /// <summary>The first broken link found at the last verification, in words (null when intact).</summary>
    public string? VerifiedReport { get; private set; }

    public void RecordVerification(DateTime nowUtc, bool intact, string? report)
    {
        VerifiedAtUtc = nowUtc;
        VerifiedIntact = intact;
        VerifiedReport = report is null || report.Length <= ReportMaxLength ? report : report[..ReportMaxLength];
    }
}
