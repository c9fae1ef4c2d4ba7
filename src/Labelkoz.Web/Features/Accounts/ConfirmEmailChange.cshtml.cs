using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// The link sent to a new address: the address (and the user name, which is the address) change
/// together, in one transaction, and the previous address is told.
/// </summary>
public sealed class ConfirmEmailChangeModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AppDbContext db,
    AccountMails mails,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Changed { get; private set; }

    public string? NewEmail { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(long? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        var token = AccountTokens.Decode(code);
        NewEmail = EmailRules.Normalize(email);
        if (userId is not { } id || token is null || NewEmail is null || await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) is not { } user)
        {
            Problem = l["Ce lien n'est pas valide ou a expiré."];
            return;
        }

        if (string.Equals(user.Email, NewEmail, StringComparison.OrdinalIgnoreCase))
        {
            Changed = true;
            return;
        }

        var previousEmail = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ChangeEmailAsync(user, NewEmail, token);
        if (result.Succeeded)
        {
            result = await users.SetUserNameAsync(user, NewEmail);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            Problem = result.Has(nameof(IdentityErrorDescriber.DuplicateEmail)) || result.Has(nameof(IdentityErrorDescriber.DuplicateUserName))
                ? l["Cette adresse est déjà utilisée par un autre compte."]
                : l["Ce lien n'est pas valide ou a expiré."];
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        Changed = true;
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id.ToString(CultureInfo.InvariantCulture))
        {
            // The security stamp changed with the address: keep this session valid.
            await signIn.RefreshSignInAsync(user);
        }

        await mails.SendEmailChangedNoticeAsync(previousEmail, user, cancellationToken);
    }
}
