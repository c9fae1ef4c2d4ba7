using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.CityAdmin.Review;

/// <summary>A member of the city's staff, as the review's forms offer them (assignee, referent).</summary>
public sealed record StaffMember(long Id, string Name, StaffRole Role);

/// <summary>A commitment of a proposal or a label, as the back office shows it.</summary>
public sealed record CommitmentView(
    CommitmentKind Kind,
    string Description,
    long? EstimatedValueCents,
    string? Referent,
    CoFinancingMode? CoFinancing,
    long? GrantCents,
    int? MatchRatioPercent,
    long? MatchCapCents);

public static class ReviewStaff
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
