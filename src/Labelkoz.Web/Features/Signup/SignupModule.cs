namespace Labelkoz.Web.Features.Signup;

public static class SignupModule
{
    /// <summary>A commune's own sign-up (issue #7): the mail that carries its confirmation link.</summary>
    public static WebApplicationBuilder AddSignup(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SignupMailer>();
        return builder;
    }
}
