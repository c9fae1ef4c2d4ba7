using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Accounts;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// The project's images: one upload at a time with the alt text its holder writes, the type
/// decided by the bytes (JPEG, PNG, WebP), re-encoded without metadata (<see cref="ImageSanitizer"/>),
/// stored outside wwwroot and served by our endpoint.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
[RequestSizeLimit(FormLimit + (64 * 1024))]
public sealed class ImagesModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    IFileStore files,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const int MaxImageBytes = 5 * 1024 * 1024;

    // Above the image limit: a too-big image is still read, so the person gets the reason on the form instead of a bare 400.
    private const int FormLimit = 8 * 1024 * 1024;

    private long _projectId;

    public UploadInput Upload { get; private set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Summary Current { get; private set; } = null!;

    public IReadOnlyList<Row> Images { get; private set; } = [];

    public string CitySlug => tenant.City!.Slug;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        if (await RefuseAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync([FromRoute] long id, [FromForm(Name = nameof(Upload))] UploadInput upload, CancellationToken cancellationToken)
    {
        _projectId = id;
        Upload = upload;
        var project = await db.Projects.Include(p => p.Images).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (!project.IsHeldBy(userId))
        {
            return Forbid();
        }

        var image = ModelState.IsValid ? await ReadImageAsync(cancellationToken) : null;
        if (image is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var key = await files.SaveAsync("projects", image.Bytes, image.Extension, cancellationToken);
        try
        {
            project.AddImage(userId, key, image.ContentType, Upload.AltText, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing points at the new file: it must not linger.
            files.Delete(key);
            throw;
        }

        StatusMessage = l["L'image est ajoutée au projet."];
        return Redirect(ProposePaths.Images(CitySlug, id));
    }

    public async Task<IActionResult> OnPostDescribeAsync([FromRoute] long id, long imageId, string? altText, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await db.Projects.Include(p => p.Images).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (!project.IsHeldBy(userId))
        {
            return Forbid();
        }

        project.DescribeImage(userId, imageId, altText, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["La description de l'image est enregistrée."];
        return Redirect(ProposePaths.Images(CitySlug, id));
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromRoute] long id, long imageId, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await db.Projects.Include(p => p.Images).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (!project.IsHeldBy(userId))
        {
            return Forbid();
        }

        var removed = project.RemoveImage(userId, imageId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);

        // Only once the database no longer points at it: a failed save keeps the image whole.
        files.Delete(removed.FileKey);
        StatusMessage = l["L'image est retirée du projet."];
        return Redirect(ProposePaths.Images(CitySlug, id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await db.Projects.AsNoTracking()
            .Where(p => p.Id == _projectId)
            .Select(p => new Summary(p.Id, p.Title, p.Status))
            .SingleAsync(cancellationToken);
        Images = await db.ProjectImages.AsNoTracking()
            .Where(i => i.ProjectId == _projectId)
            .OrderBy(i => i.Position)
            .Select(i => new Row(i.Id, i.AltText))
            .ToListAsync(cancellationToken);
    }

    private async Task<IActionResult?> RefuseAsync(CancellationToken cancellationToken)
    {
        var holder = await db.Projects.Where(p => p.Id == _projectId).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return NotFound();
        }

        return holder == User.Id() ? null : Forbid();
    }

    private async Task<ImageSanitizer.CleanImage?> ReadImageAsync(CancellationToken cancellationToken)
    {
        const string field = "Upload.File";
        var file = Upload.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(field, l["Choisissez une image à envoyer."]);
            return null;
        }

        if (file.Length > MaxImageBytes)
        {
            ModelState.AddModelError(field, l["L'image pèse {0} Mo : une image ne peut pas dépasser {1} Mo.", (file.Length / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.CurrentCulture), MaxImageBytes / (1024 * 1024)]);
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var outcome = ImageSanitizer.Sanitize(buffer.ToArray());
        switch (outcome.Refusal)
        {
            case ImageSanitizer.Problem.NotAnImage:
                ModelState.AddModelError(field, l["Ce fichier n'est pas une image JPEG, PNG ou WebP. Les autres formats (SVG, GIF, documents…) ne sont pas acceptés."]);
                return null;
            case ImageSanitizer.Problem.TooManyPixels:
                ModelState.AddModelError(field, ImageRefusals.TooManyPixels(l, outcome));
                return null;
        }

        return outcome.Image;
    }

    public sealed record Summary(long Id, string Title, ProjectStatus Status)
    {
        public bool IsEditable => ProjectLifecycle.IsEditable(Status);
    }

    public sealed record Row(long Id, string AltText);

    public sealed class UploadInput
    {
        [Display(Name = "Image")]
        public IFormFile? File { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(ProjectImage.AltTextMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Description de l'image")]
        public string? AltText { get; set; }
    }
}
