using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Signup;

/// <summary>
/// Writes and sends the e-mail that asks a sign-up's contact to confirm their address. Called after
/// the request is saved: a failed delivery is logged, and the contact can sign up again once the
/// link has expired.
/// </summary>
public sealed partial class SignupMailer(IMailSender mail, IStringLocalizer<SharedResource> l, SiteAddress site, ILogger<SignupMailer> logger)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The path of the confirmation link of <paramref name="token"/>.</summary>
    public static string ConfirmationPath(string token) => "/inscrire-ma-collectivite/confirmer/" + token;

    /// <summary>Sends the confirmation link; false when the mail could not leave (the reason is logged).</summary>
    public async Task<bool> SendConfirmationAsync(Confirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var link = site.Link(ConfirmationPath(confirmation.Token));
        var culture = CultureInfo.CurrentCulture;
        var expires = Cultures.ToParis(confirmation.ExpiresAtUtc).ToString("f", culture);
        var subject = l["Confirmez la demande d'inscription de {0} sur Labelkoz", confirmation.CommuneName].Value;
        var hello = l["Bonjour {0},", confirmation.ContactName].Value;
        var asked = l["Vous avez demandé l'inscription de la commune de {0} sur Labelkoz, avec l'offre « {1} » (facturation {2}).", confirmation.CommuneName, confirmation.PlanName, confirmation.PeriodName].Value;
        var action = l["Pour confirmer votre adresse électronique, ouvrez ce lien puis cliquez sur « Confirmer mon adresse » :"].Value;
        var button = l["Confirmer mon adresse"].Value;
        var validity = l["Ce lien est valable 7 jours, jusqu'au {0} (heure de Paris).", expires].Value;
        var next = l["Ensuite, l'équipe Labelkoz étudie votre demande. Une fois validée, le site de la ville est créé, la période d'essai de 30 jours commence et vous recevez une invitation pour l'administrer."].Value;
        var ignore = l["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera fait sans confirmation."].Value;

        var text = string.Join("\n\n", hello, asked, action + "\n" + link, validity, next, ignore);
        var html = $"""
            <p>{Html.Encode(hello)}</p>
            <p>{Html.Encode(asked)}</p>
            <p>{Html.Encode(action)}</p>
            <p><a href="{Html.Encode(link)}">{Html.Encode(button)}</a></p>
            <p>{Html.Encode(link)}</p>
            <p>{Html.Encode(validity)}</p>
            <p>{Html.Encode(next)}</p>
            <p>{Html.Encode(ignore)}</p>
            """;
        try
        {
            await mail.SendAsync(new MailMessage(confirmation.Email, subject, text, html), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotSent(logger, exception, confirmation.CommuneName);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The sign-up confirmation mail for {Commune} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string commune);

    /// <summary>What the mail needs: the clear token exists only here, between creation and sending.</summary>
    public sealed record Confirmation(string Email, string ContactName, string CommuneName, string PlanName, string PeriodName, string Token, DateTime ExpiresAtUtc);
}
