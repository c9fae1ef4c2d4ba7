using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

/// <summary>
/// One rule of a catalogue and a way to meet it: an operation the rule refuses (<see cref="Thrown(DomainRefusal, Action)"/>)
/// or a <c>Why…</c> query that names it (<see cref="Asked(DomainRefusal, Func{DomainRefusal?})"/>). The
/// refusal must carry the rule's code and the field expected (the rule's own, or the one a shared
/// rule's caller names).
/// </summary>
internal sealed record RuleCase(DomainRefusal Rule, string? Field, Func<DomainRefusal?> Meet)
{
    /// <summary>The test case's name: the code, and the field when a shared rule's caller names it.</summary>
    public string Name => Field == Rule.Field ? Rule.Code : $"{Rule.Code} @ {Field ?? "-"}";

    public static RuleCase Thrown(DomainRefusal rule, Action operation) => Thrown(rule, rule.Field, operation);

    public static RuleCase Thrown(DomainRefusal rule, string? field, Action operation) =>
        new(rule, field, () => Assert.Throws<DomainException>(operation).Refusal);

    public static RuleCase Asked(DomainRefusal rule, Func<DomainRefusal?> query) => new(rule, rule.Field, query);

    public void AssertMet()
    {
        var refusal = Meet();

        Assert.NotNull(refusal);
        Assert.Equal((Rule.Code, Field), (refusal.Code, refusal.Field));
        Assert.Equal(Rule.Template, refusal.Template);
    }
}
