using Microsoft.AspNetCore.Authorization;

namespace Labelkoz.Web.Infrastructure.Tenancy;

/// <summary>
/// On a back-office page that every member of staff may read: any request other than GET/HEAD
/// (every form handler, present and future) also needs the <see cref="Policies.CityAdmin"/> policy.
/// Decided by the authorization middleware, before a handler runs or the form is read.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdminForChangesAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    public AdminForChangesAttribute()
        : base(Policies.CityStaff)
    {
    }

    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [new AdminForChangesRequirement()];
}

/// <summary>Handles itself: reads are granted by the staff policy already on the folder; changes need an admin.</summary>
public sealed class AdminForChangesRequirement : AuthorizationHandler<AdminForChangesRequirement>, IAuthorizationRequirement
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminForChangesRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            context.Succeed(requirement);
            return;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(context.User, Policies.CityAdmin)).Succeeded)
        {
            context.Succeed(requirement);
        }
    }
}
