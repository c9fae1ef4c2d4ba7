namespace Labelkoz.Web.Features.Audit;

public static class AuditModule
{
    /// <summary>The audit log's hash chain check (ADR 21), used by the operator's page and the <c>verify-audit</c> command.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<AuditChainCheck>();
        return builder;
    }
}
