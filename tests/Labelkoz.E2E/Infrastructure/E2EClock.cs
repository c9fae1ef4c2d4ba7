namespace Labelkoz.E2E.Infrastructure;

/// <summary>
/// The server's clock: the system's time plus an offset a journey moves forward, to reach a call's
/// closing time (or a campaign's end) without waiting for it. Only <see cref="GetUtcNow"/> moves:
/// timers and delays stay real, so the platform's background jobs keep running every few seconds
/// and see the moved time when they wake. The offset only grows: journeys sharing the server
/// never see time go back.
/// </summary>
public sealed class E2EClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the system's time the server is.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the server's time forward by <paramref name="by"/> (positive), for every later request.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
