using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects;

public static class ProjectImageEndpoint
{
    /// <summary>
    /// Serves a project image from the file store (never from wwwroot), with the content type
    /// decided at upload from its bytes, <c>nosniff</c> and a sandboxing CSP. Images of a project
    /// that is not public are only served to its holder and to the city's staff (the tenant filter
    /// limits memberships to this city's). The tenant filter keeps the city's own images.
    /// </summary>
    public static IEndpointRouteBuilder MapProjectImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{slug}/projets/{projectId:long}/images/{imageId:long}", async (long projectId, long imageId, AppDbContext db, IFileStore files, UserManager<AppUser> users, HttpContext http) =>
        {
            var image = await db.ProjectImages.AsNoTracking()
                .Where(i => i.Id == imageId && i.ProjectId == projectId)
                .Select(i => new
                {
                    i.FileKey,
                    i.ContentType,
                    HolderUserId = db.Projects.Where(p => p.Id == i.ProjectId).Select(p => p.HolderUserId).Single(),
                    IsPublic = db.Projects.Where(Domain.Projects.Project.PublicRule).Any(p => p.Id == i.ProjectId),
                })
                .SingleOrDefaultAsync(http.RequestAborted);
            if (image is null)
            {
                return Results.NotFound();
            }

            var isPublic = image.IsPublic;
            var mayPreview = http.User.IdOrNull() is { } userId && (userId == image.HolderUserId
                || await db.Memberships.AnyAsync(m => m.UserId == userId, http.RequestAborted));
            if ((!isPublic && !mayPreview) || files.OpenRead(image.FileKey) is not { } stream)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = isPublic ? "public, max-age=86400" : "private, no-store";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            http.Response.Headers.ContentDisposition = "inline";
            return Results.Stream(stream, image.ContentType);
        });
        return app;
    }
}
