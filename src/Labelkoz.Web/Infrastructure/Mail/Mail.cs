namespace Labelkoz.Web.Infrastructure.Mail;

public sealed record MailMessage(string To, string Subject, string TextBody, string HtmlBody);

/// <summary>Sends e-mail: through SMTP when configured, else into the development mail sink.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
