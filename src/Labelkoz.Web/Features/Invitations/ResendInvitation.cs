using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Invitations;

/// <summary>
/// Sends a fresh invitation link in place of an old one, from the operator console or from the
/// city's team page: the old link stops working (only the token's hash is stored).
/// </summary>
public sealed class ResendInvitation(AppDbContext db, InvitationMailer mailer, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l)
{
    /// <returns>The message for the person who asked, or null when the municipality is not found.</returns>
    public async Task<string?> ExecuteAsync(long municipalityId, long invitationId, long? byUserId, HttpRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var city = await db.Municipalities
            .Include(m => m.Invitations.Where(i => i.Id == invitationId || (i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)))
            .SingleOrDefaultAsync(m => m.Id == municipalityId, cancellationToken);
        if (city is null)
        {
            return null;
        }

        var (token, hash) = InvitationTokens.Create();
        var expiredAt = city.Invitations.SingleOrDefault(i => i.Id == invitationId)?.ExpiresAtUtc;
        var invitation = city.RenewInvitation(invitationId, hash, byUserId, now, InvitationTokens.Validity);
        await audit.RecordAsync(
            AuditAction.InvitationResent,
            AuditSubject.Invitation,
            invitationId,
            invitation.Email,
            details: AuditTrail.Values(("Rôle", AuditNames.Recorded(invitation.Role))),
            before: AuditTrail.Values(("Lien valable jusqu'au", Paris(expiredAt!.Value))),
            after: AuditTrail.Values(("Lien valable jusqu'au", Paris(invitation.ExpiresAtUtc))),
            municipalityId: municipalityId,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var sent = await mailer.SendAsync(request, new(invitation.Email, invitation.Role, city.Name, token, invitation.ExpiresAtUtc), cancellationToken);
        return sent
            ? l["Une nouvelle invitation a été envoyée à {0} ; l'ancien lien ne fonctionne plus.", invitation.Email]
            : l["L'invitation pour {0} est enregistrée, mais le courriel n'a pas pu partir : renvoyez-la plus tard.", invitation.Email];
    }

    private static string Paris(DateTime utc) => Cultures.ToParis(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
