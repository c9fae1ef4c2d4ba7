using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// The closing job on a clock the test moves: a call past its closing time is in Review once, with
/// one history line, even when the job runs twice at the same moment; a call not yet due stays open.
/// </summary>
public sealed class CallClosingTests(CallClosingTests.ClockedApp app) : IClassFixture<CallClosingTests.ClockedApp>
{
    [Fact]
    public async Task ACallPastItsClosingTime_IsClosedOnce_EvenByTwoRunsAtOnce()
    {
        var due = await CreateOpenCallAsync("Un restaurant solidaire (clôture)", TimeSpan.FromHours(2));
        var later = await CreateOpenCallAsync("Un café associatif (plus tard)", TimeSpan.FromDays(3));

        app.Clock.Advance(TimeSpan.FromHours(3));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CallClosing>().CloseDueCallsAsync(CancellationToken.None);
        }));
        var again = await RunAsync();

        var closed = await app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Id == due));
        Assert.Equal(CallStatus.Review, closed.Status);
        Assert.Single(closed.History, h => h.Action == CallAction.Closed);
        Assert.Equal(closed.ClosesAtUtc, closed.ClosedAtUtc);
        Assert.True(runs.Sum() <= 1, $"the two runs closed {runs.Sum()} calls between them");
        Assert.Equal(0, again);
        Assert.Equal(CallStatus.Open, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == later).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ACallThatFellDueWhileThePlatformWasDown_IsClosedAtTheNextRun()
    {
        var id = await CreateOpenCallAsync("Une épicerie solidaire (rattrapage)", TimeSpan.FromMinutes(30));
        app.Clock.Advance(TimeSpan.FromDays(10));

        await RunAsync();

        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CallStatus.Review, call.Status);
        Assert.Equal(call.ClosesAtUtc, call.ClosedAtUtc);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CallClosing>().CloseDueCallsAsync(CancellationToken.None);
    }

    private async Task<long> CreateOpenCallAsync(string title, TimeSpan closesIn)
    {
        var given = await app.Given.City();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == given.Id);
        var admin = given.Admin.Id;
        var call = Call.StartDraft(city, admin, title, now);
        call.Describe(city, admin, title, "Un appel pour les tests.", ProjectCategory.Solidarity, null, 1_000_000, 1, now);
        call.ReplaceOffer(city, admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000)]);
        call.ReplaceCriteria(city, admin, [new CriterionTerms("Impact", 100)]);
        call.Schedule(city, admin, now, now + closesIn);
        call.Publish(city, admin, now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    /// <summary>The application on a clock the test moves forward.</summary>
    public sealed class ClockedApp : AppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
