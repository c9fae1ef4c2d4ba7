using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Cities;

/// <summary>A member of the city's staff, as the back office's forms offer them (assignee, referent, reviewer).</summary>
public sealed record StaffMember(long Id, string Name, StaffRole Role);

public static class CityStaff
{
    /// <summary>The city's staff by name, in one query.</summary>
    public static Task<List<StaffMember>> StaffAsync(this AppDbContext db, long municipalityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Memberships.AsNoTracking()
            .Where(m => m.MunicipalityId == municipalityId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Id, u.DisplayName })
            .OrderBy(x => x.DisplayName).ThenBy(x => x.Id)
            .Select(x => new StaffMember(x.Id, x.DisplayName, x.Role))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Names by account id, for the audit log's before/after values.</summary>
    public static Dictionary<long, string> Names(this IEnumerable<StaffMember> staff) =>
        staff.ToDictionary(s => s.Id, s => s.Name);
}
