using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>
/// The real application served by Kestrel on a loopback port, so that a real browser can reach it:
/// Development environment (the mail sink page <c>/dev/courriels</c> exists only there), its own
/// SQLite file in a temporary data folder, demo data seeded, e-mail kept in the sink.
/// </summary>
public sealed class E2EServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("labelkoz-e2e-").FullName;
    private readonly int _port = FreeLoopbackPort();

    public E2EServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, _port));

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server's clock, which a journey moves forward (shared by every journey: a few hours at most).</summary>
    public E2EClock Clock { get; } = Shared;

    /// <summary>The server's clock, for the steps that compute what a person's authenticator app shows (one server per run).</summary>
    public static E2EClock Shared { get; } = new();

    /// <summary>What the server logged at Error or above.</summary>
    public ServerErrorLog Errors { get; } = new();

    /// <summary>Builds and starts the host (migrations and seeding run now) and reads the bound address.</summary>
    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_dataDirectory, "e2e.db")}");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("RateLimiting:AuthForms:PermitLimit", "100000");
        builder.UseSetting("Mail:Smtp:Host", string.Empty);

        // Links in e-mails must point at this server, whatever the app builds them from.
        builder.UseSetting("Platform:PublicBaseUrl", $"http://127.0.0.1:{_port}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));

        // The background job closing calls wakes every second, so a call closes soon after the clock passes its closing time.
        builder.UseSetting("Calls:ClosingIntervalSeconds", "1");
        builder.UseSetting("Funding:JobIntervalSeconds", "1");
        builder.UseSetting("Payments:Sandbox:ConfirmationDelaySeconds", "1");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool: the temp folder is cleaned by the OS.
        }
    }

    // The port is chosen before the host starts because the e-mail links need it in configuration.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
