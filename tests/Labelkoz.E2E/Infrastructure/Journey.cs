using Microsoft.Playwright;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>Base of the journey classes: a fresh browser context per test, closed after it.</summary>
[Collection(BrowserJourneys.Name)]
public abstract class Journey(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserFixture Fixture { get; } = fixture;

    protected E2EServer Server => Fixture.Server;

    /// <summary>The test's page, created before the test runs (desktop viewport).</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>Another visitor: a separate context with its own cookies (or a different viewport).</summary>
    protected async Task<IPage> NewVisitorAsync(ViewportSize? viewport = null)
    {
        var page = await Fixture.NewPageAsync(viewport);
        _contexts.Add(page.Context);
        return page;
    }

    public async Task InitializeAsync()
    {
        // Errors of an earlier test are that test's failure, not this one's.
        _ = Server.Errors.Drain();
        Page = await NewVisitorAsync();
    }

    /// <summary>Closes the test's browsers, then fails the test if the server logged an error meanwhile.</summary>
    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        var errors = Server.Errors.Drain();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The server logged {errors.Count} error(s) during the test:\n" + string.Join("\n", errors));
        }
    }
}
