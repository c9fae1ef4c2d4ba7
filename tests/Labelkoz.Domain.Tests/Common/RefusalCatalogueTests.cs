using System.Reflection;
using System.Text.RegularExpressions;
using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

/// <summary>
/// The catalogues of refusals (<c>CallRefusals</c>, <c>CampaignRefusals</c>…) are the one place each
/// rule's code, field and sentence are written: pages and tests match on the codes, so each names
/// one rule, and the domain throws nothing else. That every sentence has its English translation is
/// the web layer's test (TranslationTests), which can see the translation files.
/// </summary>
public sealed partial class RefusalCatalogueTests
{
    public static TheoryData<string> Catalogues() => [.. CatalogueTypes().Select(t => t.Name)];

    [Fact]
    public void EveryRule_HasACodeOfItsOwn()
    {
        var rules = Rules();
        var duplicates = rules.GroupBy(r => r.Refusal.Code, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Name))}")
            .ToList();

        Assert.True(rules.Count > 250, $"Only {rules.Count} rules found: the catalogues are not all seen.");
        Assert.True(duplicates.Count == 0, "Codes used by more than one rule:\n" + string.Join('\n', duplicates));
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void ACatalogue_NamesItsRulesInBusinessLanguage_WithTheirPlaceholdersNumberedFromZero(string catalogue)
    {
        foreach (var (name, refusal) in Rules().Where(r => r.Name.StartsWith(catalogue + ".", StringComparison.Ordinal)))
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$", refusal.Code);
            Assert.NotEqual(DomainRefusal.UnclassifiedCode, refusal.Code);
            Assert.Empty(refusal.Arguments);
            Assert.True(refusal.Field is null || FieldPattern().IsMatch(refusal.Field), $"{name}: the field \"{refusal.Field}\" is not an input's name.");

            var placeholders = Placeholder().Matches(refusal.Template).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            Assert.True(placeholders.SequenceEqual(Enumerable.Range(0, placeholders.Count)), $"{name}: placeholders {string.Join(", ", placeholders)} do not run from {{0}}.");
        }
    }

    /// <summary>
    /// Reads the domain's compiled code rather than its text: whatever the formatting, no method
    /// builds a <see cref="DomainException"/> from a bare sentence (the constructors kept for the web
    /// layer's own refusals).
    /// </summary>
    [Fact]
    public void TheDomain_ThrowsOnlyRulesOfItsCatalogues()
    {
        var assembly = typeof(DomainException).Assembly;
        var callers = new List<string>();
        var scanned = 0;
        foreach (var type in assembly.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.DeclaringType == typeof(DomainException) || method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                {
                    continue;
                }

                scanned++;
                if (ConstructedExceptions(method.Module, il).Any(c => c.GetParameters() is not [{ ParameterType: var only }] || only != typeof(DomainRefusal)))
                {
                    callers.Add($"{type.FullName}.{method.Name}");
                }
            }
        }

        Assert.True(scanned > 500, $"Only {scanned} method bodies read.");
        Assert.True(callers.Count == 0, "Refusals without a code, built in:\n" + string.Join('\n', callers.Distinct()));
    }

    [Fact]
    public void ARefusal_KeepsItsRuleCodeAndField_WithItsArguments_OrTheFieldItsCallerNames()
    {
        var refusal = TextRefusals.TooLong.About("Title", "Titre", 120);

        Assert.True(refusal.Is(TextRefusals.TooLong));
        Assert.Equal(("text.too-long", "Title"), (refusal.Code, refusal.Field));
        Assert.Equal("Le champ « Titre » ne peut pas dépasser 120 caractères.", refusal.Message);
        Assert.Null(TextRefusals.TooLong.Field);

        var thrown = new DomainException(refusal);
        Assert.Equal((refusal.Code, refusal.Field, refusal.Template), (thrown.Code, thrown.Field, thrown.Template));
        Assert.Equal(refusal.Message, thrown.Message);
    }

    [Fact]
    public void ARefusalWrittenBeforeTheCatalogues_IsUnclassified_AndNamesNoField()
    {
        var legacy = new DomainException("Le champ « {0} » est obligatoire.", "Nom");

        Assert.Equal(DomainRefusal.UnclassifiedCode, legacy.Code);
        Assert.Null(legacy.Field);
        Assert.Equal("Le champ « Nom » est obligatoire.", legacy.Message);
    }

    [Theory]
    [InlineData("Call.NotCancellable")]
    [InlineData("call")]
    [InlineData("call.not cancellable")]
    [InlineData("call..not-cancellable")]
    [InlineData("call.not--cancellable")]
    public void ACodeThatIsNotBusinessLanguage_IsRefusedWhenTheRuleIsDeclared(string code) =>
        Assert.Throws<ArgumentException>(() => new DomainRefusal(code, null, "Refusé."));

    private static IEnumerable<Type> CatalogueTypes() =>
        typeof(DomainRefusal).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true, IsPublic: true } && t.Name.EndsWith("Refusals", StringComparison.Ordinal));

    private static List<(string Name, DomainRefusal Refusal)> Rules() =>
        CatalogueTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DomainRefusal))
                .Select(f => ($"{t.Name}.{f.Name}", (DomainRefusal)f.GetValue(null)!)))
            .ToList();

    /// <summary>The <see cref="DomainException"/> constructors a method body calls (<c>newobj</c>, opcode 0x73, then a method token).</summary>
    private static IEnumerable<ConstructorInfo> ConstructedExceptions(Module module, byte[] il)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x73 || il[i + 4] is not (0x06 or 0x0A))
            {
                continue;
            }

            MethodBase? target;
            try
            {
                target = module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (target is ConstructorInfo constructor && constructor.DeclaringType == typeof(DomainException))
            {
                yield return constructor;
            }
        }
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Z][A-Za-z]*$")]
    private static partial Regex FieldPattern();
}
