using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Invitations;

/// <summary>
/// Writes and sends the e-mail that carries an invitation link. Called after the invitation is
/// saved: a failed delivery leaves a pending invitation that staff or the operator can send again.
/// </summary>
public sealed partial class InvitationMailer(
    IMailSender mail,
    IStringLocalizer<SharedResource> l,
    SiteAddress site,
    AppDbContext db,
    ILookupNormalizer normalizer,
    ILogger<InvitationMailer> logger)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Sends the invitation; false when the mail could not leave (the reason is logged).</summary>
    public async Task<bool> SendAsync(HttpRequest request, Invitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invitation);
        var link = site.Link(InvitationTokens.LinkPath(invitation.Token));

        // The person's own language when they already have an account, French otherwise.
        var normalized = normalizer.NormalizeEmail(invitation.Email);
        var preferred = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => u.PreferredCulture)
            .FirstOrDefaultAsync(cancellationToken);
        var culture = Cultures.Supported.FirstOrDefault(c => c.Name == preferred) ?? CultureInfo.GetCultureInfo(Cultures.Default);

        MailMessage message;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            message = Compose(invitation, link, culture);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        try
        {
            await mail.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotSent(logger, exception, invitation.CityName);
            return false;
        }
    }

    private MailMessage Compose(Invitation invitation, string link, CultureInfo culture)
    {
        var role = StatusNames.Role(l, invitation.Role);
        var expires = Cultures.ToParis(invitation.ExpiresAtUtc).ToString("f", culture);
        var subject = l["Invitation à rejoindre l'équipe de {0} sur Labelkoz", invitation.CityName].Value;
        var hello = l["Bonjour,"].Value;
        var body = l["Vous êtes invité(e) à rejoindre l'équipe de la ville de {0} sur Labelkoz, avec le rôle « {1} ».", invitation.CityName, role].Value;
        var action = l["Pour accepter l'invitation, ouvrez ce lien puis connectez-vous ou créez un compte avec l'adresse {0} :", invitation.Email].Value;
        var button = l["Accepter l'invitation"].Value;
        var validity = l["Ce lien est valable jusqu'au {0} (heure de Paris) et ne sert qu'une fois.", expires].Value;
        var ignore = l["Si vous n'attendiez pas cette invitation, ignorez ce message."].Value;

        var text = string.Join("\n\n", hello, body, action + "\n" + link, validity, ignore);
        var html = $"""
            <p>{Html.Encode(hello)}</p>
            <p>{Html.Encode(body)}</p>
            <p>{Html.Encode(action)}</p>
            <p><a href="{Html.Encode(link)}">{Html.Encode(button)}</a></p>
            <p>{Html.Encode(link)}</p>
            <p>{Html.Encode(validity)}</p>
            <p>{Html.Encode(ignore)}</p>
            """;
        return new MailMessage(invitation.Email, subject, text, html);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation mail for {City} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string city);

    /// <summary>What the mail needs: the clear token exists only here, between creation and sending.</summary>
    public sealed record Invitation(string Email, StaffRole Role, string CityName, string Token, DateTime ExpiresAtUtc);
}
