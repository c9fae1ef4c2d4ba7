namespace Labelkoz.Web.Demo;

/// <summary>The demo's own clock, moved by the story it seeds (a past the real money and billing code runs on).</summary>
internal sealed class DemoClock(DateTime start) : TimeProvider
{
    private DateTimeOffset _now = new(start, TimeSpan.Zero);

    public void Set(DateTime utc) => _now = new DateTimeOffset(utc, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;
}
