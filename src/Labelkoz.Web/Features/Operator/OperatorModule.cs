using Labelkoz.Web.Features.Cities;

namespace Labelkoz.Web.Features.Operator;

public static class OperatorModule
{
    /// <summary>The platform operator's console: opening a city (by hand or from a sign-up request).</summary>
    public static WebApplicationBuilder AddOperator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CityOpening>();
        return builder;
    }
}
