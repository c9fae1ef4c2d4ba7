using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Labelkoz.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts every PDF of the platform is drawn with: DejaVu Sans, embedded in this assembly, so
/// rendering never depends on the fonts installed on the machine (a fresh Debian has none).
/// </summary>
/// <remarks>
/// PDFsharp's font resolver is process-global and may be set only once, or again with the same
/// instance: <see cref="EnsureRegistered"/> sets our single instance under a lock, so several web
/// hosts (tests) or concurrent renderings in one process can all call it.
/// </remarks>
public static class PdfFonts
{
    /// <summary>The family name to pass to <see cref="XFont"/>.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFontResolver Resolver = new();
    private static volatile bool registered;

    /// <summary>Installs the embedded-font resolver in PDFsharp, once per process; safe to call from any thread.</summary>
    /// <exception cref="InvalidOperationException">When another font resolver was installed first.</exception>
    public static void EnsureRegistered()
    {
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
            else if (!ReferenceEquals(current, Resolver))
            {
                throw new InvalidOperationException(
                    "Another PDFsharp font resolver is installed: the PDFs of the platform must use the embedded DejaVu fonts only.");
            }

            registered = true;
        }
    }

    /// <summary>A font of the platform's family, with Unicode encoding so that every character extracts back intact.</summary>
    public static XFont Regular(double size)
    {
        EnsureRegistered();
        return new XFont(Family, size, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
    }

    /// <inheritdoc cref="Regular"/>
    public static XFont Bold(double size)
    {
        EnsureRegistered();
        return new XFont(Family, size, XFontStyleEx.Bold, XPdfFontOptions.UnicodeDefault);
    }

    /// <summary>Creates an empty document with the platform's metadata (French language, creator "Labelkoz").</summary>
    public static PdfDocument NewDocument(string title, string author)
    {
        EnsureRegistered();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Creator = "Labelkoz";
        document.Language = "fr-FR";
        return document;
    }

    /// <summary>
    /// Serves the two embedded faces. Any family name resolves to DejaVu Sans, so a stray family
    /// name never makes PDFsharp look for system fonts; italic is simulated.
    /// </summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private const string RegularFace = "DejaVuSans";
        private const string BoldFace = "DejaVuSans-Bold";

        private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            var face = bold ? BoldFace : RegularFace;
            return new FontResolverInfo(face, mustSimulateBold: false, mustSimulateItalic: italic);
        }

        public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

        private static byte[] Load(string faceName)
        {
            var resourceName = $"Labelkoz.Web.Fonts.{faceName}.ttf";
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"The embedded font {resourceName} is missing.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
