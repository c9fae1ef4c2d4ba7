using Labelkoz.Data;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Signup;

/// <summary>
/// Where the sign-up's confirmation link leads. Opening the link changes nothing (mail scanners
/// follow links): the contact confirms with a button, which hands the request to the operator.
/// </summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class ConfirmModel(AppDbContext db, TimeProvider clock) : PageModel, IReloadablePage
{
    private const string ConfirmedKey = "Inscription.Confirmee";

    public enum State
    {
        Unknown,
        Pending,
        Expired,
        Confirmed,
        Refused,
    }

    [FromRoute]
    public string Token { get; set; } = string.Empty;

    public View? Signup { get; private set; }

    public State Status { get; private set; }

    /// <summary>This very visit follows the click that confirmed the address.</summary>
    public bool JustConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        JustConfirmed = TempData[ConfirmedKey] is true;
        await LoadAsync(cancellationToken);
        return Status == State.Unknown ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.HashOf(Token);
        var request = hash is null ? null : await db.SignupRequests.SingleOrDefaultAsync(r => r.ConfirmationTokenHash == hash, cancellationToken);
        if (request is null)
        {
            await LoadAsync(cancellationToken);
            return NotFoundPage();
        }

        if (!request.Confirm(hash!, clock.GetUtcNow().UtcDateTime))
        {
            // Already confirmed: the page says so.
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData[ConfirmedKey] = true;
        return Redirect(SignupMailer.ConfirmationPath(Token));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.HashOf(Token);
        Signup = hash is null ? null : await db.SignupRequests.AsNoTracking()
            .Where(r => r.ConfirmationTokenHash == hash)
            .Select(r => new View(
                r.CommuneName,
                r.InseeCode,
                r.ContactName,
                r.ContactEmail,
                db.Plans.Where(p => p.Id == r.PlanId).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
                r.Period,
                r.Status,
                r.ConfirmationExpiresAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Status = Signup switch
        {
            null => State.Unknown,
            { Status: SignupStatus.Confirmed or SignupStatus.Approved } => State.Confirmed,
            { Status: SignupStatus.Refused } => State.Refused,
            _ when Signup.ExpiresAtUtc <= now => State.Expired,
            _ => State.Pending,
        };
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public sealed record View(string CommuneName, string InseeCode, string ContactName, string ContactEmail, string PlanName, BillingPeriod Period, SignupStatus Status, DateTime ExpiresAtUtc);
}
