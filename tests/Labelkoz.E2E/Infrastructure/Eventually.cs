using Microsoft.Playwright;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>
/// Waits for what the platform does by itself (a background job confirming a payment, closing a
/// call, settling a campaign): checks a condition again and again until it holds, and fails with
/// the last thing seen when it never does.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a job that wakes every second on a busy two-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Runs <paramref name="check"/> until it reports success, every <paramref name="interval"/>, for
    /// <paramref name="timeout"/> at most; then fails with <paramref name="what"/> and the last observation.
    /// </summary>
    public static async Task UntilAsync(string what, Func<Task<(bool Holds, string Seen)>> check, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var (holds, seen) = await check();
            if (holds)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not true within {limit.TotalSeconds:0} seconds. Last seen:\n{seen}");
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Reloads <paramref name="path"/> until its main landmark shows <paramref name="text"/>.</summary>
    public static Task PageShowsAsync(IPage page, string path, string text, TimeSpan? timeout = null) =>
        UntilAsync(
            $"{path} showing « {text} »",
            async () =>
            {
                await page.GotoAsync(path);
                var main = await page.GetByRole(AriaRole.Main).InnerTextAsync();
                return (main.Contains(text, StringComparison.Ordinal), main);
            },
            timeout);
}
