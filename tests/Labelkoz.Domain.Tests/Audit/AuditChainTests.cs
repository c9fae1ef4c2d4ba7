using Labelkoz.Domain.Audit;

namespace Labelkoz.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime At = new(2026, 12, 8, 10, 30, 15, DateTimeKind.Utc);

    [Fact]
    public void SealedEntries_FormAnIntactChain()
    {
        var chain = Chain(3);

        var report = AuditChain.Verify(7, chain, 3, chain[^1].Hash);

        Assert.True(report.IsIntact);
        Assert.Equal((3L, 3L), (report.Entries, report.LastSequence));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", chain[2].Hash!);
    }

    [Fact]
    public void TheHash_CoversEveryImmutableField_AndThePreviousHash()
    {
        var one = AuditEntry.Record(7, 1, "Camille", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At, "pourquoi", "a", "b");
        var other = AuditEntry.Record(7, 1, "Camille", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At, "pourquoi", "a", "c");

        Assert.NotEqual(AuditChain.HashOf(one, 1, AuditChain.Genesis), AuditChain.HashOf(other, 1, AuditChain.Genesis));
        Assert.NotEqual(AuditChain.HashOf(one, 1, AuditChain.Genesis), AuditChain.HashOf(one, 2, AuditChain.Genesis));
        Assert.NotEqual(AuditChain.HashOf(one, 1, AuditChain.Genesis), AuditChain.HashOf(one, 1, new string('1', 64)));

        // Length prefixes: moving text from one field to the next gives another text.
        var split = AuditEntry.Record(7, 1, "Camille", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At, "ab", null, "c");
        var moved = AuditEntry.Record(7, 1, "Camille", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At, "a", null, "bc");
        Assert.NotEqual(AuditChain.HashOf(split, 1, AuditChain.Genesis), AuditChain.HashOf(moved, 1, AuditChain.Genesis));
    }

    [Fact]
    public void MissingEntry_IsAGap_AtTheEntryAfterIt()
    {
        var chain = Chain(4);

        var report = AuditChain.Verify(7, [chain[0], chain[2], chain[3]], 4, chain[^1].Hash);

        Assert.Equal(AuditChainBreakKind.Gap, report.FirstBreak!.Kind);
        Assert.Equal((2L, 3L), (report.FirstBreak.ExpectedSequence, report.FirstBreak.FoundSequence!.Value));
    }

    [Fact]
    public void MissingNewestEntries_AreATruncation_AgainstTheHead()
    {
        var chain = Chain(3);

        var report = AuditChain.Verify(7, chain[..2], 3, chain[^1].Hash);

        Assert.Equal(AuditChainBreakKind.Truncated, report.FirstBreak!.Kind);
        Assert.Equal(3L, report.FirstBreak.ExpectedSequence);
    }

    [Fact]
    public void AnEntryReplacedByAnotherSealedOne_BreaksTheLink()
    {
        var chain = Chain(3);
        var forged = AuditEntry.Record(7, null, "Plateforme", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At, "faux");
        forged.Seal(2, new string('f', 64));

        var report = AuditChain.Verify(7, [chain[0], forged, chain[2]], 3, chain[^1].Hash);

        Assert.Equal(AuditChainBreakKind.LinkBroken, report.FirstBreak!.Kind);
        Assert.Equal(chain[0].Hash, report.FirstBreak.ExpectedHash);
    }

    [Fact]
    public void AnUnsealedEntry_IsABreak()
    {
        var unsealed = AuditEntry.Record(7, null, "Plateforme", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At);

        var report = AuditChain.Verify(7, [unsealed], null, null);

        Assert.Equal(AuditChainBreakKind.Unsealed, report.FirstBreak!.Kind);
    }

    [Fact]
    public void AnEmptyChainWithoutHead_IsIntact() => Assert.True(AuditChain.Verify(7, [], null, null).IsIntact);

    [Fact]
    public void RecordedTime_IsKeptToTheMicrosecond_AsPostgreSqlStoresIt()
    {
        var entry = AuditEntry.Record(7, null, "Plateforme", AuditAction.SettingsChanged, AuditSubject.Municipality, 7, "La ville", At.AddTicks(1234567));

        Assert.Equal(At.AddTicks(1234560), entry.AtUtc);
    }

    private static AuditEntry[] Chain(int length)
    {
        var previous = AuditChain.Genesis;
        var entries = new AuditEntry[length];
        for (var i = 0; i < length; i++)
        {
            entries[i] = AuditEntry.Record(7, 1, "Camille Martin <camille@example.fr>", AuditAction.ProjectLabelled, AuditSubject.Project, 100 + i, $"Projet {i}", At.AddMinutes(i), "Motif", "Statut : Examen", "Statut : Labellisé");
            entries[i].Seal(i + 1, previous);
            previous = entries[i].Hash!;
        }

        return entries;
    }
}
