namespace Labelkoz.Web.Features.Invitations;

public static class InvitationsModule
{
    /// <summary>Staff invitations: sent by a city's admin, by the operator and when a city opens.</summary>
    public static WebApplicationBuilder AddInvitations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<InvitationMailer>();
        builder.Services.AddScoped<ResendInvitation>();
        return builder;
    }
}
