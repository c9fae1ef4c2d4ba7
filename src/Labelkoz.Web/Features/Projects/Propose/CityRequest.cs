using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// What the city last wrote to the holder, shown prominently while it waits for changes.
/// <see cref="ExchangesUrl"/> links to the whole thread (null on the thread's own page).
/// </summary>
public sealed record CityRequest(string Body, DateTime AtUtc, string? ExchangesUrl)
{
    /// <summary>The city's last message of the thread, in one SQL command (null when it wrote none).</summary>
    public static Task<CityRequest?> LastAsync(AppDbContext db, long projectId, string? exchangesUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ReviewMessages.AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.Side == MessageAuthorSide.City)
            .OrderByDescending(m => m.AtUtc).ThenByDescending(m => m.Id)
            .Select(m => new CityRequest(m.Body, m.AtUtc, exchangesUrl))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
