using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Cities.Admin;

/// <summary>The city's brand colour (kept readable: WCAG AA contrast is computed, not hoped for) and its logo (re-encoded without metadata).</summary>
[Authorize(Policy = Policies.CityAdmin)]
[RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
[RequestSizeLimit(FormLimit + (64 * 1024))]
public sealed class BrandingModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IFileStore files, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage, IRefusalFields
{
    /// <summary>The domain's colour (<c>BrandColour</c>) is typed in <c>Input.Hex</c>.</summary>
    private static readonly Dictionary<string, string> ColourFields = new(StringComparer.Ordinal) { ["BrandColour"] = $"{nameof(Input)}.{nameof(ColourInput.Hex)}" };

    public const int MaxLogoBytes = 1024 * 1024;

    // Well above the logo limit: a too-big image is still read, so the person gets the reason on the form instead of a bare 400.
    private const int FormLimit = 8 * 1024 * 1024;

    [BindProperty]
    public ColourInput Input { get; set; } = new();

    public string RefusalPrefix => nameof(Input);

    public IReadOnlyDictionary<string, string>? RefusalFieldMap => ColourFields;

    [BindProperty]
    public IFormFile? Logo { get; set; }

    public Current City { get; private set; } = null!;

    /// <summary>The colour being previewed (not saved yet), when the person asked for a preview.</summary>
    public ColourFacts? Preview { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (ChosenColour() is { } colour)
        {
            Preview = ColourFacts.Of(colour);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostColourAsync(CancellationToken cancellationToken)
    {
        if (ChosenColour() is not { } colour)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        db.ExpectVersion(city, Input.Version);
        var before = city.BrandColour;
        city.ChangeBrandColour(colour, clock.GetUtcNow().UtcDateTime);
        if (!string.Equals(before, city.BrandColour, StringComparison.OrdinalIgnoreCase))
        {
            await audit.RecordAsync(
                AuditAction.BrandColourChanged,
                AuditSubject.Municipality,
                city.Id,
                city.Name,
                before: AuditTrail.Values(("Couleur", before)),
                after: AuditTrail.Values(("Couleur", city.BrandColour)),
                cancellationToken: cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["La couleur de la ville est maintenant {0}.", colour.Hex];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLogoAsync(CancellationToken cancellationToken)
    {
        var upload = await ReadLogoAsync(cancellationToken);
        if (upload is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var logo = upload;
        var city = await db.Municipalities.SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        var previousKey = city.LogoFileKey;
        var previousType = city.LogoContentType;
        var key = await files.SaveAsync("logos", logo.Bytes, logo.Extension, cancellationToken);
        try
        {
            city.ReplaceLogo(key, logo.ContentType, clock.GetUtcNow().UtcDateTime);
            await audit.RecordAsync(
                AuditAction.LogoChanged,
                AuditSubject.Municipality,
                city.Id,
                city.Name,
                before: AuditTrail.Values(("Logo", previousKey is null ? "aucun" : previousType)),
                after: AuditTrail.Values(("Logo", $"{logo.ContentType}, {logo.Bytes.Length.ToString(CultureInfo.InvariantCulture)} octets")),
                cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing points at the new file: it must not linger.
            files.Delete(key);
            throw;
        }

        if (previousKey is not null)
        {
            files.Delete(previousKey);
        }

        StatusMessage = l["Le nouveau logo est en ligne."];
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = tenant.MunicipalityId;
        var row = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Slug, m.BrandColour, m.Version, HasLogo = m.LogoFileKey != null })
            .SingleAsync(cancellationToken);
        City = new Current(row.Slug, ColourFacts.Of(BrandColour.Parse(row.BrandColour)), row.HasLogo, row.Version);
        Input.Version = row.Version;
        Input.Hex ??= City.Colour.Hex;
        Input.Picker ??= City.Colour.Hex;
        Input.Shown ??= City.Colour.Hex;
        ModelState.Remove($"{nameof(Input)}.{nameof(ColourInput.Version)}");
    }

    /// <summary>The typed code when the person changed it, else the picker's value.</summary>
    private BrandColour? ChosenColour()
    {
        var typed = Input.Hex?.Trim();
        var raw = !string.IsNullOrEmpty(typed) && !string.Equals(typed, Input.Shown, StringComparison.OrdinalIgnoreCase) ? typed : Input.Picker;
        if (!string.IsNullOrEmpty(raw) && raw[0] != '#' && raw.Length == 6)
        {
            raw = "#" + raw;
        }

        try
        {
            return BrandColour.Parse(raw);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, l, fieldMap: ColourFields);
            return null;
        }
    }

    private async Task<ImageSanitizer.CleanImage?> ReadLogoAsync(CancellationToken cancellationToken)
    {
        const string field = nameof(Logo);
        if (Logo is null)
        {
            ModelState.AddModelError(field, l["Choisissez une image à envoyer."]);
            return null;
        }

        if (Logo.Length > MaxLogoBytes)
        {
            ModelState.AddModelError(field, l["L'image pèse {0} Ko : le logo ne peut pas dépasser {1} Mo.", (Logo.Length / 1024).ToString("N0", CultureInfo.CurrentCulture), MaxLogoBytes / (1024 * 1024)]);
            return null;
        }

        using var buffer = new MemoryStream((int)Logo.Length);
        await Logo.CopyToAsync(buffer, cancellationToken);
        var outcome = ImageSanitizer.Sanitize(buffer.ToArray());
        switch (outcome.Refusal)
        {
            case ImageSanitizer.Problem.NotAnImage:
                ModelState.AddModelError(field, l["Ce fichier n'est pas une image PNG, JPEG ou WebP. Les autres formats (SVG, GIF…) ne sont pas acceptés."]);
                return null;
            case ImageSanitizer.Problem.TooManyPixels:
                ModelState.AddModelError(field, ImageRefusals.TooManyPixels(l, outcome));
                return null;
        }

        return outcome.Image;
    }

    public sealed class ColourInput
    {
        public string? Hex { get; set; }

        public string? Picker { get; set; }

        /// <summary>The code shown when the form was displayed: tells a typed change from an untouched field.</summary>
        public string? Shown { get; set; }

        public long Version { get; set; }
    }

    public sealed record Current(string Slug, ColourFacts Colour, bool HasLogo, long Version);

    /// <summary>What a colour gives on screen: the text put on it, links on white, and their contrast ratios.</summary>
    public sealed record ColourFacts(string Hex, string TextColour, double TextContrast, string OnWhite, double OnWhiteContrast)
    {
        public static ColourFacts Of(BrandColour colour) => new(
            colour.Hex,
            colour.TextColour,
            BrandColour.ContrastRatio(colour.Hex, colour.TextColour),
            colour.OnWhite,
            BrandColour.ContrastRatio(colour.OnWhite, "#FFFFFF"));
    }
}
