using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Data;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Notifications;

/// <summary>
/// Tells people what happened to them: a notification on the site (saved with the change that
/// caused it) and the same news by e-mail, sent once the change is saved.
/// <code>
/// notifier.Notify(...);                 // before SaveChanges: part of the same unit of work
/// await db.SaveChangesAsync(ct);
/// await notifier.SendMailsAsync(ct);    // after: a mail that fails is logged, the notification stays
/// </code>
/// </summary>
public sealed partial class Notifier(
    AppDbContext db,
    TimeProvider clock,
    IMailSender mail,
    IStringLocalizer<SharedResource> l,
    SiteAddress site,
    ILogger<Notifier> logger)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly List<Notification> _pending = [];

    /// <summary>Adds a notification for one person; its e-mail leaves with <see cref="SendMailsAsync"/>.</summary>
    public Notification Notify(long userId, long? municipalityId, NotificationKind kind, string subject, string? text, string link)
    {
        var notification = Notification.Create(userId, municipalityId, kind, subject, text, link, clock.GetUtcNow().UtcDateTime);
        db.Notifications.Add(notification);
        _pending.Add(notification);
        return notification;
    }

    /// <summary>The headline of a notification, in the current language.</summary>
    public static string Headline(IStringLocalizer l, NotificationKind kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(l);
        return kind switch
        {
            NotificationKind.ProjectTakenIntoReview => l["La ville étudie votre projet « {0} ».", subject],
            NotificationKind.ChangesRequested => l["La ville demande des modifications sur votre projet « {0} ».", subject],
            NotificationKind.MessageFromCity => l["Nouveau message de la ville sur votre projet « {0} ».", subject],
            NotificationKind.ProjectLabelled => l["Votre projet « {0} » est labellisé par la ville.", subject],
            NotificationKind.ProjectDeclined => l["Votre projet « {0} » n'a pas été retenu par la ville.", subject],
            NotificationKind.LabelRevoked => l["La ville a retiré son label à votre projet « {0} ».", subject],
            NotificationKind.MessageFromHolder => l["Le porteur du projet « {0} » a écrit à la ville.", subject],
            NotificationKind.ProposalAwaitsConfirmation => l["Une proposition de décision attend votre confirmation sur « {0} ».", subject],
            NotificationKind.ProposalRejected => l["Votre proposition de décision sur « {0} » a été écartée.", subject],
            NotificationKind.ApplicationSelected => l["Votre candidature à l'appel « {0} » est retenue : votre projet est en ligne.", subject],
            NotificationKind.ApplicationNotSelected => l["Votre candidature à l'appel « {0} » n'a pas été retenue.", subject],
            NotificationKind.CallCancelled => l["L'appel à projets « {0} » est annulé.", subject],
            NotificationKind.ContributionConfirmed => l["Merci : votre contribution au projet « {0} » est confirmée.", subject],
            NotificationKind.ContributionDeclined => l["Votre paiement pour le projet « {0} » a été refusé.", subject],
            NotificationKind.CampaignPaused => l["La ville a suspendu la campagne de votre projet « {0} ».", subject],
            NotificationKind.CampaignResumed => l["La ville a relancé la campagne de votre projet « {0} » : les contributions reprennent.", subject],
            NotificationKind.CampaignFunded => l["La campagne du projet « {0} » a atteint son objectif : le projet est financé.", subject],
            NotificationKind.CampaignNotFunded => l["La campagne du projet « {0} » n'a pas atteint son objectif.", subject],
            NotificationKind.ContributionRefunded => l["Votre contribution au projet « {0} » vous est remboursée.", subject],
        };
    }

    /// <summary>Sends the e-mails of the notifications added since the last call, each in its reader's language.</summary>
    public async Task SendMailsAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.ToList();
        _pending.Clear();
        var userIds = batch.Select(n => n.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var notification in batch)
        {
            if (!people.TryGetValue(notification.UserId, out var person) || string.IsNullOrEmpty(person.Email))
            {
                continue;
            }

            var culture = Cultures.Supported.FirstOrDefault(c => c.Name == person.PreferredCulture) ?? CultureInfo.GetCultureInfo(Cultures.Default);
            MailMessage message;
            var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                message = Compose(person.Email, person.DisplayName, notification);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
            }

            try
            {
                await mail.SendAsync(message, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogNotSent(logger, exception, notification.Id);
            }
        }
    }

    private MailMessage Compose(string to, string name, Notification notification)
    {
        var headline = Headline(l, notification.Kind, notification.Subject);
        var hello = l["Bonjour {0},", name].Value;
        var link = site.Link(notification.Link);
        var see = l["Voir sur Labelkoz"].Value;
        var footer = l["Vous recevez ce message parce que vous portez ou suivez ce projet sur Labelkoz. Vos notifications sont aussi sur le site, dans « Mes notifications »."].Value;
        var parts = new List<string> { hello, headline };
        if (notification.Text is { } quoted)
        {
            parts.Add("« " + quoted + " »");
        }

        var text = string.Join("\n\n", parts) + "\n\n" + see + " : " + link + "\n\n" + footer;
        var html = string.Concat(parts.Select(p => $"<p>{Html.Encode(p)}</p>"))
            + $"<p><a href=\"{Html.Encode(link)}\">{Html.Encode(see)}</a></p><p>{Html.Encode(footer)}</p>";
        return new MailMessage(to, headline, text, html);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-mail of notification {NotificationId} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, long notificationId);
}
