using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Infrastructure.Tenancy;

namespace Labelkoz.Web.Infrastructure.Web;

public static class Pipeline
{
    public static WebApplication UseLabelkozPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseExceptionHandler("/erreur/500");
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<CrossTenantWriteMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// A liveness probe for load balancers, and the plain baseline the benchmarks compare pages to.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
