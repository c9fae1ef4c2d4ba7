using Labelkoz.Web.Features.Invitations;

namespace Labelkoz.Web.Features.CityAdmin;

public static class CityAdminModule
{
    /// <summary>The services of the city back office, the operator console and staff invitations.</summary>
    public static WebApplicationBuilder AddCityAdmin(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<InvitationMailer>();
        builder.Services.AddScoped<ResendInvitation>();
        builder.Services.AddScoped<Operator.CityOpening>();
        return builder;
    }
}
