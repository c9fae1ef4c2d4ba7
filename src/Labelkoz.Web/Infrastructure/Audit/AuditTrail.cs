using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Audit;

/// <summary>
/// Adds a line to the append-only audit log for what the signed-in person is doing. The entry is
/// added to the unit of work, so it is saved by the same <c>SaveChanges</c> as the change it
/// describes: both or neither. Call it before saving.
/// </summary>
public sealed class AuditTrail(AppDbContext db, IHttpContextAccessor http, TenantContext tenant, TimeProvider clock)
{
    private (long? Id, string Name)? _actor;

    /// <summary>Records an action on the current city (or on <paramref name="municipalityId"/> for the operator).</summary>
    public async Task RecordAsync(
        AuditAction action,
        AuditSubject subject,
        long? subjectId,
        string subjectLabel,
        string? details = null,
        string? before = null,
        string? after = null,
        long? municipalityId = null,
        CancellationToken cancellationToken = default)
    {
        var city = municipalityId ?? tenant.MunicipalityId
            ?? throw new InvalidOperationException("An audit entry belongs to a city: none is set for this request.");
        var (actorId, actorName) = await ActorAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.Record(
            city, actorId, actorName, action, subject, subjectId, subjectLabel, clock.GetUtcNow().UtcDateTime, details, before, after));
    }

    /// <summary>"Field: value" lines for the before/after columns (null values shown as empty).</summary>
    public static string Values(params (string Field, object? Value)[] values) =>
        string.Join('\n', values.Select(v => $"{v.Field} : {Format(v.Value)}"));

    private static string Format(object? value) => value switch
    {
        null => "—",
        bool b => b ? "oui" : "non",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private async Task<(long? Id, string Name)> ActorAsync(CancellationToken cancellationToken)
    {
        if (_actor is { } known)
        {
            return known;
        }

        var user = http.HttpContext?.User;
        if (user?.IdOrNull() is not { } id)
        {
            _actor = (null, "Plateforme");
            return _actor.Value;
        }

        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        _actor = (id, person is null ? $"#{id}" : $"{person.DisplayName} <{person.Email}>");
        return _actor.Value;
    }
}
