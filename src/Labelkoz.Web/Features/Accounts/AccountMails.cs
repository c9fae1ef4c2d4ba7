using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// The account e-mails (confirmation, password reset, change of address), written in the person's
/// current language. Links are absolute: from <c>Platform:PublicBaseUrl</c> when set (always in
/// production, so a forged Host header cannot steer a link), else from the current request.
/// </summary>
public sealed class AccountMails(
    UserManager<AppUser> users,
    IMailSender sender,
    IStringLocalizer<SharedResource> l,
    SiteAddress site)
{
    public const string ConfirmPath = "/compte/confirmer";

    public const string ResetPasswordPath = "/compte/reinitialiser-mot-de-passe";

    public const string ConfirmEmailChangePath = "/compte/confirmer-courriel";

    // Accented letters stay readable in the HTML part; markup characters are always encoded.
    private static readonly HtmlEncoder HtmlText = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task SendEmailConfirmationAsync(AppUser user, string? returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var query = new Dictionary<string, string?> { ["userId"] = user.Id.ToString(CultureInfo.InvariantCulture), ["code"] = EncodeToken(token) };
        if (!string.IsNullOrEmpty(returnUrl))
        {
            query["returnUrl"] = returnUrl;
        }

        var link = Link(ConfirmPath, query);
        await sender.SendAsync(
            Compose(
                user.Email!,
                l["Confirmez votre adresse électronique sur Labelkoz"],
                l["Bonjour {0},", user.DisplayName],
                [l["Merci de votre inscription sur Labelkoz. Pour activer votre compte, confirmez votre adresse électronique en ouvrant le lien ci-dessous."]],
                l["Confirmer mon adresse électronique"],
                link,
                [l["Ce lien est valable 24 heures. Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : aucun compte ne sera activé."]]),
            cancellationToken);
    }

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link(ResetPasswordPath, new Dictionary<string, string?> { ["userId"] = user.Id.ToString(CultureInfo.InvariantCulture), ["code"] = EncodeToken(token) });
        await sender.SendAsync(
            Compose(
                user.Email!,
                l["Réinitialisation de votre mot de passe Labelkoz"],
                l["Bonjour {0},", user.DisplayName],
                [l["Vous avez demandé à réinitialiser le mot de passe de votre compte Labelkoz. Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous."]],
                l["Choisir un nouveau mot de passe"],
                link,
                [l["Ce lien est valable 24 heures. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable."]]),
            cancellationToken);
    }

    public async Task SendEmailChangeConfirmationAsync(AppUser user, string newEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = Link(ConfirmEmailChangePath, new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(CultureInfo.InvariantCulture),
            ["email"] = newEmail,
            ["code"] = EncodeToken(token),
        });
        await sender.SendAsync(
            Compose(
                newEmail,
                l["Confirmez votre nouvelle adresse électronique sur Labelkoz"],
                l["Bonjour {0},", user.DisplayName],
                [l["Vous avez demandé à utiliser cette adresse pour votre compte Labelkoz. Pour confirmer le changement, ouvrez le lien ci-dessous. Votre ancienne adresse reste utilisée tant que vous ne l'avez pas fait."]],
                l["Confirmer ma nouvelle adresse"],
                link,
                [l["Ce lien est valable 24 heures. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."]]),
            cancellationToken);
    }

    /// <summary>Tells the previous address that the account moved, so a hijack does not go unnoticed.</summary>
    public Task SendEmailChangedNoticeAsync(string previousEmail, AppUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return sender.SendAsync(
            Compose(
                previousEmail,
                l["Votre adresse électronique Labelkoz a été modifiée"],
                l["Bonjour {0},", user.DisplayName],
                [
                    l["L'adresse électronique de votre compte Labelkoz vient d'être remplacée par {0}.", user.Email!],
                    l["Si vous n'êtes pas à l'origine de ce changement, répondez à ce message ou écrivez à l'équipe Labelkoz sans attendre."],
                ],
                null,
                null,
                []),
            cancellationToken);
    }

    private string Link(string path, IDictionary<string, string?> query) => QueryHelpers.AddQueryString(site.Link(path), query);

    private static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private MailMessage Compose(
        string to,
        LocalizedString subject,
        LocalizedString greeting,
        IReadOnlyList<LocalizedString> paragraphs,
        LocalizedString? action,
        string? link,
        IReadOnlyList<LocalizedString> closing)
    {
        var signature = l["L'équipe Labelkoz"].Value;
        var text = new StringBuilder();
        var html = new StringBuilder();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{Html(language)}\"><head><meta charset=\"utf-8\"><title>{Html(subject)}</title></head><body>");

        void Paragraph(string value)
        {
            text.Append(value).Append("\n\n");
            html.Append("<p>").Append(Html(value)).Append("</p>");
        }

        Paragraph(greeting);
        foreach (var paragraph in paragraphs)
        {
            Paragraph(paragraph);
        }

        if (action is not null && link is not null)
        {
            text.Append(action.Value).Append(" :\n").Append(link).Append("\n\n");
            html.Append("<p><a href=\"").Append(Html(link)).Append("\">").Append(Html(action)).Append("</a></p>");
            html.Append("<p>").Append(Html(l["Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur :"])).Append("<br>").Append(Html(link)).Append("</p>");
        }

        foreach (var paragraph in closing)
        {
            Paragraph(paragraph);
        }

        text.Append(signature).Append('\n');
        html.Append("<p>").Append(Html(signature)).Append("</p></body></html>");
        return new MailMessage(to, subject.Value, text.ToString(), html.ToString());
    }

    private static string Html(string value) => HtmlText.Encode(value);
}
