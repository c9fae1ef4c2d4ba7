using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>The application on a clock the test moves, the subscriptions job run by hand.</summary>
public sealed class BillingApp : AppFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<T> WithBillingAsync<T>(Func<SubscriptionBilling, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<SubscriptionBilling>());
    }

    /// <summary>A new city of 20 000 inhabitants whose trial starts today on the plan suggested for it, the middle one.</summary>
    public async Task<(TestCity City, long SubscriptionId)> NewSubscriberAsync(BillingPeriod period = BillingPeriod.Monthly)
    {
        var city = await Given.City(new CitySpec { Population = 20_000 });
        return (city, await Given.Subscription(city, period));
    }
}

/// <summary>
/// Invoices and statuses over time on a real database (SQLite and PostgreSQL): one invoice per period
/// whatever the number of runs, numbers without gap or double even when runs race, and the status
/// following the invoices (issue #7, ADR 13).
/// </summary>
public sealed class SubscriptionBillingTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task TheTrialsEnd_IssuesOneInvoice_HoweverManyRuns_AndAJobLeftBehindCatchesUp()
    {
        var (_, subscriptionId) = await app.NewSubscriberAsync();
        await app.WithBillingAsync(b => b.IssueDueInvoicesAsync(CancellationToken.None));
        Assert.Empty(await InvoicesAsync(subscriptionId));

        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.WithBillingAsync(b => b.IssueDueInvoicesAsync(CancellationToken.None));
        await app.WithBillingAsync(b => b.IssueDueInvoicesAsync(CancellationToken.None));
        var invoices = await InvoicesAsync(subscriptionId);
        var first = Assert.Single(invoices);
        Assert.Equal((290_00, 58_00, 348_00), (first.AmountExcludingVatCents, first.VatCents, first.AmountIncludingVatCents));
        Assert.Equal(first.IssuedOn.AddDays(30), first.DueOn);
        Assert.StartsWith($"LKZ-{first.IssuedOn.Year}-", first.Number, StringComparison.Ordinal);

        // Three months without the job: three invoices, one per period, consecutive numbers.
        app.Clock.Advance(TimeSpan.FromDays(92));
        await app.WithBillingAsync(b => b.IssueDueInvoicesAsync(CancellationToken.None));
        invoices = await InvoicesAsync(subscriptionId);
        Assert.Equal(4, invoices.Count);
        Assert.All(invoices.Zip(invoices.Skip(1)), pair => Assert.Equal(pair.First.PeriodEnd, pair.Second.PeriodStart));
    }

    [Fact]
    public async Task RunsRacingOnManySubscriptions_IssueOneInvoiceEach_NumberedWithoutGapOrDouble()
    {
        var subscriptions = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            subscriptions.Add((await app.NewSubscriberAsync()).SubscriptionId);
        }

        app.Clock.Advance(TimeSpan.FromDays(30));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.WithBillingAsync(b => b.IssueDueInvoicesAsync(CancellationToken.None)))));

        var rows = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AsNoTracking().Select(i => new { i.SubscriptionId, i.Year, i.Sequence }).ToListAsync());
        foreach (var subscription in subscriptions)
        {
            Assert.Single(rows, r => r.SubscriptionId == subscription);
        }

        foreach (var year in rows.Select(r => r.Year).Distinct())
        {
            var sequences = rows.Where(r => r.Year == year).Select(r => r.Sequence).Order().ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        }
    }

    [Fact]
    public async Task AnUnpaidInvoice_MakesTheCityPastDueThenSuspended_AndThePaymentMakesItActive_Audited()
    {
        var (city, subscriptionId) = await app.NewSubscriberAsync();
        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunAsync();
        Assert.Equal(SubscriptionStatus.Trial, await CityStatusAsync(city.Id));

        app.Clock.Advance(TimeSpan.FromDays(61));
        await RunAsync();
        Assert.Equal(SubscriptionStatus.PastDue, await CityStatusAsync(city.Id));

        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunAsync();
        Assert.Equal(SubscriptionStatus.Suspended, await CityStatusAsync(city.Id));

        var unpaid = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.SubscriptionId == subscriptionId && i.Status == InvoiceStatus.Issued).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());
        var today = await app.WithBillingAsync(b => Task.FromResult(b.Today));
        var operatorId = (await app.Given.Operator()).Id;
        foreach (var invoice in unpaid)
        {
            await app.WithBillingAsync(async b =>
            {
                await b.RecordPaymentAsync(invoice, operatorId, $"VIR {invoice}", today, CancellationToken.None);
                return true;
            });
        }

        Assert.Equal(SubscriptionStatus.Active, await CityStatusAsync(city.Id));

        // Nothing left to change: one SQL command reads every subscription's facts, nothing more.
        await app.WithBillingAsync(b => b.RefreshStatusesAsync(CancellationToken.None));
        app.SqlCommands.Reset();
        Assert.Equal(0, await app.WithBillingAsync(b => b.RefreshStatusesAsync(CancellationToken.None)));
        Assert.Equal(1, app.SqlCommands.Count);
        var log = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.MunicipalityId == city.Id && a.Action == AuditAction.SubscriptionStatusChanged).Select(a => a.After).ToListAsync());
        Assert.Contains("Paiement en retard", log);
        Assert.Contains("Suspendue", log);
        Assert.Contains("Abonnement actif", log);
    }

    private Task<int> RunAsync() => app.WithBillingAsync(async b =>
    {
        await b.IssueDueInvoicesAsync(CancellationToken.None);
        return await b.RefreshStatusesAsync(CancellationToken.None);
    });

    private Task<List<Invoice>> InvoicesAsync(long subscriptionId) =>
        app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AsNoTracking().Where(i => i.SubscriptionId == subscriptionId).OrderBy(i => i.PeriodStart).ToListAsync());

    private Task<SubscriptionStatus> CityStatusAsync(long cityId) =>
        app.WithDbAsync(db => db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == cityId).Select(m => m.SubscriptionStatus).SingleAsync());
}
