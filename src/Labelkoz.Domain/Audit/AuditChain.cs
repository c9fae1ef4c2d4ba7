using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Labelkoz.Domain.Audit;

/// <summary>Why a city's chain is not whole, at its first broken link.</summary>
public enum AuditChainBreakKind
{
    /// <summary>The entry's content no longer gives its stored hash: its text was changed.</summary>
    Altered = 1,

    /// <summary>The entry does not point at the hash of the entry before it (an entry was replaced or rehashed).</summary>
    LinkBroken,

    /// <summary>Sequence numbers are missing: entries were deleted.</summary>
    Gap,

    /// <summary>Two entries claim the same place.</summary>
    Duplicate,

    /// <summary>An entry was never sealed (written around the application).</summary>
    Unsealed,

    /// <summary>The chain's head records more entries than remain, or another last hash: the newest entries were deleted.</summary>
    Truncated,
}

/// <summary>The first broken link: which entry (when one is there), at which place, what was expected and what was found.</summary>
public sealed record AuditChainBreak(AuditChainBreakKind Kind, long? EntryId, long ExpectedSequence, long? FoundSequence, string? ExpectedHash, string? FoundHash);

/// <summary>The result of walking one city's chain.</summary>
public sealed record AuditChainReport(long MunicipalityId, long Entries, long LastSequence, AuditChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>
/// The audit log's hash chain (ADR 21): every city's entries are numbered 1, 2, 3… and each carries
/// SHA-256(canonical text of its immutable fields + the previous entry's hash). Changing, deleting
/// or inserting an entry anywhere breaks every link after it, unless the whole rest of the chain is
/// recomputed, which the head's last hash (and any copy of it taken outside) then betrays.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 64;

    /// <summary>The "previous hash" of a city's first entry.</summary>
    public static readonly string Genesis = new('0', HashLength);

    /// <summary>
    /// The entry's hash at <paramref name="sequence"/> after <paramref name="previousHash"/>. The text
    /// is versioned and each field is length-prefixed, so no two different entries share a text.
    /// The database id is left out: it is only known after the insert.
    /// </summary>
    public static string HashOf(AuditEntry entry, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = Canonical(entry, sequence, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Canonical(AuditEntry entry, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder("labelkoz-audit-v1\n");
        Field(text, "municipality", entry.MunicipalityId.ToString(CultureInfo.InvariantCulture));
        Field(text, "sequence", sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "previous", previousHash);
        Field(text, "at", entry.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(text, "actor", entry.ActorUserId?.ToString(CultureInfo.InvariantCulture));
        Field(text, "actorName", entry.ActorName);
        Field(text, "action", entry.Action.ToString());
        Field(text, "subject", entry.SubjectType.ToString());
        Field(text, "subjectId", entry.SubjectId?.ToString(CultureInfo.InvariantCulture));
        Field(text, "subjectLabel", entry.SubjectLabel);
        Field(text, "details", entry.Details);
        Field(text, "before", entry.Before);
        Field(text, "after", entry.After);
        return text.ToString();
    }

    /// <summary>
    /// Walks one city's entries in sequence order and stops at the first broken link.
    /// <paramref name="headSequence"/> and <paramref name="headHash"/> are what the chain's head row
    /// recorded last (null when the city never had a sealed entry): they reveal deleted newest entries.
    /// </summary>
    public static AuditChainReport Verify(long municipalityId, IEnumerable<AuditEntry> entriesBySequence, long? headSequence, string? headHash)
    {
        ArgumentNullException.ThrowIfNull(entriesBySequence);
        var walk = new Walk(municipalityId);
        foreach (var entry in entriesBySequence)
        {
            if (!walk.Next(entry))
            {
                break;
            }
        }

        return walk.End(headSequence, headHash);
    }

    /// <summary>The same walk one entry at a time, so a long chain is streamed from the database, never held whole.</summary>
    public sealed class Walk(long municipalityId)
    {
        private long _expected = 1;
        private string _previous = Genesis;
        private long _count;
        private AuditChainBreak? _broken;

        /// <summary>Checks the next entry; false once the chain is broken (the rest need not be read).</summary>
        public bool Next(AuditEntry entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (_broken is not null)
            {
                return false;
            }

            _count++;
            _broken = Check(entry, _expected, _previous);
            if (_broken is not null)
            {
                return false;
            }

            _previous = entry.Hash!;
            _expected++;
            return true;
        }

        public AuditChainReport End(long? headSequence, string? headHash)
        {
            var last = _expected - 1;
            if (_broken is not null)
            {
                return new AuditChainReport(municipalityId, _count, last, _broken);
            }

            if ((headSequence ?? 0) != last || (headSequence is not null && !string.Equals(headHash, _previous, StringComparison.Ordinal)))
            {
                return new AuditChainReport(municipalityId, _count, last, new AuditChainBreak(AuditChainBreakKind.Truncated, null, last + 1, headSequence, headHash, _previous));
            }

            return new AuditChainReport(municipalityId, _count, last, null);
        }
    }

    private static AuditChainBreak? Check(AuditEntry entry, long expected, string previous)
    {
        if (entry.Sequence is not { } sequence || entry.Hash is null || entry.PreviousHash is null)
        {
            return new AuditChainBreak(AuditChainBreakKind.Unsealed, entry.Id, expected, entry.Sequence, null, entry.Hash);
        }

        if (sequence > expected)
        {
            return new AuditChainBreak(AuditChainBreakKind.Gap, entry.Id, expected, sequence, previous, entry.PreviousHash);
        }

        if (sequence < expected)
        {
            return new AuditChainBreak(AuditChainBreakKind.Duplicate, entry.Id, expected, sequence, null, entry.Hash);
        }

        var recomputed = HashOf(entry, sequence, entry.PreviousHash);
        if (!string.Equals(recomputed, entry.Hash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(AuditChainBreakKind.Altered, entry.Id, expected, sequence, recomputed, entry.Hash);
        }

        return string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal)
            ? null
            : new AuditChainBreak(AuditChainBreakKind.LinkBroken, entry.Id, expected, sequence, previous, entry.PreviousHash);
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null)
        {
            text.Append("-\n");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
