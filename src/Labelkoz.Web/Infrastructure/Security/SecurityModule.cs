using System.Globalization;
using System.Threading.RateLimiting;

namespace Labelkoz.Web.Infrastructure.Security;

public static class SecurityModule
{
    /// <summary>Rate-limit policy for log-in, registration and password-reset forms (per client IP, POST only).</summary>
    public const string AuthFormsPolicy = "auth-forms";

    public static IServiceCollection AddLabelkozSecurity(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthFormsPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ =>
                        {
                            var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
                            return new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = configuration.GetValue("RateLimiting:AuthForms:PermitLimit", 10),
                                Window = TimeSpan.FromSeconds(configuration.GetValue("RateLimiting:AuthForms:WindowSeconds", 60)),
                                QueueLimit = 0,
                            };
                        })
                    : RateLimitPartition.GetNoLimiter("get"));
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = StrictlyNecessaryCookies.Antiforgery;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        return services;
    }

    /// <summary>Headers on every response: no inline script, no framing, no sniffing, a strict referrer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // An endpoint may set a stricter policy of its own (e.g. uploaded images: sandbox).
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy =
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self), payment=(self)";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
