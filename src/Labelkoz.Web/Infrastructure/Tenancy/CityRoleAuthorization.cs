using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Tenancy;

public static class Policies
{
    /// <summary>Any member of staff (agent or admin) of the city whose site the request is on.</summary>
    public const string CityStaff = "CityStaff";

    /// <summary>An admin of the city whose site the request is on.</summary>
    public const string CityAdmin = "CityAdmin";

    /// <summary>The platform operator.</summary>
    public const string Operator = "Operator";

    public const string OperatorRole = "PlatformOperator";
}

public sealed class CityRoleRequirement(StaffRole minimumRole) : IAuthorizationRequirement
{
    public StaffRole MinimumRole { get; } = minimumRole;
}

/// <summary>
/// Grants a city requirement only to a member of the current tenant's staff with at least the
/// required role: the one place where "this city's staff only" is decided.
/// </summary>
public sealed class CityRoleHandler(TenantContext tenant, AppDbContext db) : AuthorizationHandler<CityRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CityRoleRequirement requirement)
    {
        if (tenant.MunicipalityId is not { } municipalityId
            || context.User.IdOrNull() is not { } userId)
        {
            return;
        }

        var role = await db.Memberships.AsNoTracking()
            .Where(m => m.MunicipalityId == municipalityId && m.UserId == userId)
            .Select(m => (StaffRole?)m.Role)
            .SingleOrDefaultAsync();
        if (role is { } granted && granted >= requirement.MinimumRole)
        {
            context.Succeed(requirement);
        }
    }
}
