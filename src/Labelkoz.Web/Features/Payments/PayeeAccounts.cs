using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// The holders' accounts at the card processor (ADR 18). When the processor that takes cards can
/// transfer to its own accounts (Stripe with Connect), a campaign paid to a person (not to a public
/// accountant) needs its holder's account before launch, and its card money is transferred there
/// when it is funded. Otherwise (the sandbox, Stripe without Connect) payouts are made by hand and
/// nothing here is asked. A processor that cannot be reached is told in French, never as a 500.
/// </summary>
public sealed class PayeeAccounts(AppDbContext db, IEnumerable<IConnectedAccounts> connected, PaymentProviders providers, TimeProvider clock)
{
    /// <summary>The card processor's accounts, when it has them; null: payouts go by hand.</summary>
    public IConnectedAccounts? Card => connected.FirstOrDefault(c => c.Kind == providers.Card.Kind);

    /// <summary>Whether a campaign needs its holder's account: a processor transfers its card money, and its payee is a person, not a public accountant.</summary>
    public bool Required(bool paysPublicAccountant) => Card is not null && !paysPublicAccountant;

    public async Task<PayeeAccount?> OfAsync(long userId, CancellationToken cancellationToken) =>
        Card is { } card ? await db.PayeeAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId && a.Provider == card.Kind, cancellationToken) : null;

    /// <summary>
    /// Opens the person's account if need be (once: the processor's idempotency, then the unique
    /// index, keep one when two tabs ask at once) and returns the address of the processor's form.
    /// </summary>
    public async Task<Uri> OnboardAsync(long userId, string? email, string returnPath, string refreshPath, CancellationToken cancellationToken)
    {
        var card = Card ?? throw new InvalidOperationException("No processor with connected accounts is configured.");
        return await CallAsync(async () =>
        {
            var account = await db.PayeeAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId && a.Provider == card.Kind, cancellationToken);
            if (account is null)
            {
                var accountId = await card.OpenAsync(userId, email, cancellationToken);
                account = PayeeAccount.Open(userId, card.Kind, accountId, Now);
                db.PayeeAccounts.Add(account);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The same person in another tab, at the same moment: the processor gave both the same account.
                    db.Entry(account).State = EntityState.Detached;
                    account = await db.PayeeAccounts.AsNoTracking().SingleAsync(a => a.UserId == userId && a.Provider == card.Kind, cancellationToken);
                }
            }

            return await card.OnboardingLinkAsync(account.AccountId, returnPath, refreshPath, cancellationToken);
        });
    }

    /// <summary>Asks the processor where the person's account stands (back from its form) and keeps it; null when there is none.</summary>
    public async Task<PayeeAccount?> RefreshAsync(long userId, CancellationToken cancellationToken)
    {
        if (Card is not { } card)
        {
            return null;
        }

        var account = await db.PayeeAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.Provider == card.Kind, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var now = Now;
        var state = await CallAsync(() => card.GetAsync(account.AccountId, cancellationToken));
        if (state.Apply(account, now))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The processor's notification updated it meanwhile: that one is as fresh.
                db.ChangeTracker.Clear();
            }
        }

        return account;
    }

    /// <summary>The address of the processor's dashboard of the person's account (its balance, its payouts to the bank).</summary>
    public async Task<Uri?> DashboardAsync(long userId, CancellationToken cancellationToken)
    {
        var account = await OfAsync(userId, cancellationToken);
        return account is null || Card is not { } card ? null : await CallAsync(() => card.DashboardLinkAsync(account.AccountId, cancellationToken));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException or TaskCanceledException)
        {
            throw new DomainException(FundingPageRefusals.PayeeAccountsUnavailable);
        }
    }
}
