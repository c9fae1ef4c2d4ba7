using System.Reflection;
using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

/// <summary>
/// Every rule of the catalogues is met by a domain test that checks its code and its field: the
/// area's <c>…RuleTests</c> class lists a <see cref="RuleCase"/> for it. A rule the domain cannot
/// reach from outside (a guard against a value no caller can build) is listed here with why.
/// </summary>
public sealed class RuleCoverageTests
{
    private static readonly Dictionary<string, string> Unreachable = new(StringComparer.Ordinal)
    {
        ["project.unknown-decision-kind"] = "a decision is only made by ProposeLabel or ProposeDecline, with its kind",
        ["application.unknown-question-kind"] = "a call's questions are made by Call.ReplaceQuestions, which refuses an unknown kind (call.unknown-question-kind)",
    };

    [Fact]
    public void EveryRule_IsMetByADomainTest_WithItsCodeAndField()
    {
        var cases = AllCases();
        var met = cases.Select(c => c.Rule.Code).ToHashSet(StringComparer.Ordinal);
        var rules = typeof(DomainRefusal).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true, IsPublic: true } && t.Name.EndsWith("Refusals", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DomainRefusal)))
            .Select(f => ((DomainRefusal)f.GetValue(null)!).Code)
            .ToList();

        var unmet = rules.Where(code => !met.Contains(code) && !Unreachable.ContainsKey(code)).Order(StringComparer.Ordinal).ToList();
        var reachedAfterAll = Unreachable.Keys.Where(met.Contains).ToList();

        Assert.True(unmet.Count == 0, $"{unmet.Count} rule(s) without a domain test:\n" + string.Join('\n', unmet));
        Assert.True(reachedAfterAll.Count == 0, "Listed as unreachable but tested: " + string.Join(", ", reachedAfterAll));
    }

    [Fact]
    public void EachArea_NamesItsCasesOnce()
    {
        foreach (var (area, cases) in CasesByArea())
        {
            var twice = cases.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{area}: " + string.Join(", ", twice));
        }
    }

    private static List<RuleCase> AllCases() => [.. CasesByArea().SelectMany(a => a.Cases)];

    private static IEnumerable<(string Area, RuleCase[] Cases)> CasesByArea() =>
        typeof(RuleCoverageTests).Assembly.GetTypes()
            .Select(t => (t.Name, Field: t.GetField("Cases", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field?.FieldType == typeof(RuleCase[]))
            .Select(t => (t.Name, (RuleCase[])t.Field!.GetValue(null)!));
}
