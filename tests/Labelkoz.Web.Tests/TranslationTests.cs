using System.Text.RegularExpressions;
using Labelkoz.Web.Infrastructure.Localization;

namespace Labelkoz.Web.Tests;

/// <summary>
/// The interface is written in French and translated through <c>Resources/*.en.json</c>: every
/// French sentence the code shows (localizer lookups, domain refusals, form labels and messages)
/// must have its English translation, or English users would meet French text.
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
