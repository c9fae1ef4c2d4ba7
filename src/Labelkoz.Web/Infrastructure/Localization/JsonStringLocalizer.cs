using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Infrastructure.Localization;

/// <summary>
/// The interface is written in French: a French sentence is its own key. Translations live in
/// <c>Resources/*.{culture}.json</c> (one file per feature area, embedded in the assembly), merged
/// here. A missing translation falls back to French, and a test fails on it.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public JsonStringLocalizerFactory()
    {
        _byLanguage = Load(typeof(JsonStringLocalizerFactory).Assembly);
    }

    public IReadOnlyDictionary<string, string> Translations(string language) =>
        _byLanguage.TryGetValue(language, out var table) ? table : FrozenDictionary<string, string>.Empty;

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(this);

    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(this);

    internal string? Find(string key, CultureInfo culture)
    {
        var language = culture.TwoLetterISOLanguageName;
        return language != Cultures.DefaultLanguage && _byLanguage.TryGetValue(language, out var table) && table.TryGetValue(key, out var value)
            ? value
            : null;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load(Assembly assembly)
    {
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.Contains(".Resources.", StringComparison.Ordinal)))
        {
            // Labelkoz.Web.Resources.Accounts.en.json → language "en"
            var parts = name.Split('.');
            var language = parts[^2];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            if (!tables.TryGetValue(language, out var table))
            {
                table = new Dictionary<string, string>(StringComparer.Ordinal);
                tables[language] = table;
            }

            foreach (var (key, value) in entries)
            {
                table[key] = value;
            }
        }

        return tables.ToFrozenDictionary(t => t.Key, t => t.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}

public sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = factory.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != Cultures.DefaultLanguage);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.Translations(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(kv => new LocalizedString(kv.Key, kv.Value));
}
