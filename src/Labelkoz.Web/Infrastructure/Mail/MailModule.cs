namespace Labelkoz.Web.Infrastructure.Mail;

public static class MailModule
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton<SmtpMailSender>();
        builder.Services.AddSingleton<MailSink>();

        // SMTP when a relay is configured; otherwise the file sink (decided at first use, from the final configuration).
        builder.Services.AddSingleton<IMailSender>(services =>
            string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()["Mail:Smtp:Host"])
                ? services.GetRequiredService<MailSink>()
                : services.GetRequiredService<SmtpMailSender>());

        return builder;
    }
}

public sealed class MailOptions
{
    public string From { get; set; } = "Labelkoz <ne-pas-repondre@labelkoz.fr>";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        public bool UseStartTls { get; set; } = true;
    }
}
