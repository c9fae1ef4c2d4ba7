using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// Closes every open call whose closing time has passed, once: the call moves to Review with one
/// history line dated at its closing time. Two runs at once (two web nodes, a slow tick) cannot
/// close a call twice: the call's version is an optimistic concurrency token, so the second save
/// of the same call is refused and simply skipped. A call due while the platform was down is
/// closed at the first run after the restart.
/// </summary>
public sealed partial class CallClosing(AppDbContext db, TimeProvider clock, ILogger<CallClosing> logger)
{
    /// <summary>How many calls this run closed.</summary>
    public async Task<int> CloseDueCallsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Calls
            .Where(c => c.Status == CallStatus.Open && c.ClosesAtUtc <= now)
            .OrderBy(c => c.ClosesAtUtc)
            .Select(c => c.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var id in due)
        {
            var call = await db.Calls.SingleAsync(c => c.Id == id, cancellationToken);
            if (!call.CloseIfDue(now))
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                closed++;
                LogClosed(logger, call.Id, call.MunicipalityId);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run closed (or changed) it first: nothing to do.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} of municipality {MunicipalityId} closed at its closing time.")]
    private static partial void LogClosed(ILogger logger, long callId, long municipalityId);
}

/// <summary>Runs <see cref="CallClosing"/> at start-up (catching up) and then every <c>Calls:ClosingIntervalSeconds</c> (30 by default).</summary>
public sealed partial class CallClosingService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<CallClosingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue("Calls:ClosingIntervalSeconds", 30), 1, 3600);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CallClosing>().CloseDueCallsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing the due calls failed; the next run will try again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class CallsModule
{
    public static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CallClosing>();
        if (builder.Configuration.GetValue("Calls:RunClosingJob", true))
        {
            builder.Services.AddHostedService<CallClosingService>();
        }

        return builder;
    }
}
