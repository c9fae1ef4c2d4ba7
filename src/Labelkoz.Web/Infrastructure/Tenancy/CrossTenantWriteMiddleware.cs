using Labelkoz.Data.Tenancy;

namespace Labelkoz.Web.Infrastructure.Tenancy;

/// <summary>A write that crossed tenants was refused by the save guard: answer 403, never 500.</summary>
public sealed partial class CrossTenantWriteMiddleware(RequestDelegate next, ILogger<CrossTenantWriteMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (CrossTenantWriteException exception) when (!context.Response.HasStarted)
        {
            LogRefused(logger, exception.Message, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cross-tenant write refused: {Detail} on {Path}")]
    private static partial void LogRefused(ILogger logger, string detail, string path);
}
