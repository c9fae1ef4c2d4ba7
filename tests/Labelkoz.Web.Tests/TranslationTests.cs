using System.Reflection;
using System.Text.RegularExpressions;
using Labelkoz.Domain.Common;
using Labelkoz.Web.Infrastructure.Localization;

namespace Labelkoz.Web.Tests;

/// <summary>
/// The interface is written in French and translated through <c>Resources/*.en.json</c>: every
/// French sentence the code shows (localizer lookups, domain refusals, form labels and messages)
/// must have its English translation, or English users would meet French text. The domain's
/// refusals, and the web's own (<c>FundingPageRefusals</c>), are declared in catalogues
/// (<c>CallRefusals</c>, <c>CampaignRefusals</c>…), not as literals the scanner sees: they are read
/// by reflection.
/// </summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void EveryInterfaceString_HasAnEnglishTranslation()
    {
        var english = new JsonStringLocalizerFactory().Translations("en");
        var missing = SourceStrings()
            .Where(s => !english.ContainsKey(s.Text))
            .Select(s => $"{s.File}: \"{s.Text}\"")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} French string(s) without English translation:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryDomainRefusal_HasAnEnglishTranslation()
    {
        var english = new JsonStringLocalizerFactory().Translations("en");
        var refusals = CatalogueRefusals();
        var missing = refusals
            .Where(r => !english.ContainsKey(r.Refusal.Template))
            .Select(r => $"{r.Name}: \"{r.Refusal.Template}\"")
            .Order(StringComparer.Ordinal)
            .ToList();

        // Guards the guard: a reflection that found no catalogue would pass vacuously.
        Assert.True(refusals.Count > 250, $"Only {refusals.Count} refusals found: the catalogues are not all seen.");
        Assert.True(missing.Count == 0, $"{missing.Count} refusal(s) without English translation:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EnglishTranslations_KeepTheirPlaceholders()
    {
        var english = new JsonStringLocalizerFactory().Translations("en");
        var broken = english
            .Where(kv => !Placeholders(kv.Key).SetEquals(Placeholders(kv.Value)))
            .Select(kv => kv.Key)
            .ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void TheScanner_FindsStringsItIsMeantToFind()
    {
        // Guards the guard: if the patterns stopped matching, the first test would pass vacuously.
        var strings = SourceStrings().Select(s => s.Text).ToHashSet();
        Assert.Contains("Aller au contenu", strings);
        Assert.Contains("Le champ « {0} » est obligatoire.", strings);
        Assert.True(strings.Count > 50);
    }

    private static List<(string Name, DomainRefusal Refusal)> CatalogueRefusals() =>
        new[] { typeof(DomainRefusal).Assembly, typeof(SharedResource).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true, IsPublic: true } && t.Name.EndsWith("Refusals", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DomainRefusal))
                .Select(f => ($"{t.Name}.{f.Name}", (DomainRefusal)f.GetValue(null)!)))
            .ToList();

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    private static IEnumerable<(string File, string Text)> SourceStrings()
    {
        var root = RepositoryRoot();
        var src = Path.Combine(root, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var content = File.ReadAllText(file);
            foreach (Match match in LocalizedPattern().Matches(content))
            {
                var text = Regex.Unescape(match.Groups["text"].Value);
                if (text.Length > 0 && !IsTechnical(text))
                {
                    yield return (Path.GetRelativePath(root, file), text);
                }
            }
        }
    }

    private static bool IsTechnical(string text) =>
        text.All(c => !char.IsLetter(c)) || text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Labelkoz.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    // L["…"], l["…"], DomainException("…"), ErrorMessage = "…", Name = "…" (Display), Prompt = "…", Description = "…"
    [GeneratedRegex("""(?:\b[Ll]\[\s*|DomainException\(\s*|ErrorMessage\s*=\s*|\bName\s*=\s*|Prompt\s*=\s*|Description\s*=\s*)"(?<text>(?:[^"\\\r\n]|\\.)*)"[\],)]""")]
    private static partial Regex LocalizedPattern();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
