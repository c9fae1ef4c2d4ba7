using System.Globalization;

namespace Labelkoz.Web.Features.Audit;

/// <summary>
/// <c>verify-audit [slug]</c>: walks every city's audit chain (or one city's) from the shell, prints
/// one line per city and exits 0 when all are intact, 1 at the first broken chain, 2 for an
/// unknown city. For a cron job or an auditor with shell access but no operator account.
/// </summary>
public static class AuditChainCommand
{
    public const string Name = "verify-audit";

    public const int Intact = 0;
    public const int Broken = 1;
    public const int UnknownCity = 2;

    public static bool IsInvoked(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var slug = args.Length > 1 ? args[1] : null;
        await using var scope = services.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<AuditChainCheck>().VerifyAsync(slug, cancellationToken);
        if (slug is not null && results.Count == 0)
        {
            await output.WriteLineAsync($"Aucune collectivité « {slug} ».");
            return UnknownCity;
        }

        var broken = 0;
        foreach (var city in results)
        {
            var report = city.Report;
            var line = report.FirstBreak is { } first
                ? string.Create(CultureInfo.InvariantCulture, $"{city.Slug}: CHAÎNE ROMPUE ({report.Entries} entrée(s) lues) — {AuditChainCheck.Describe(first)}")
                : string.Create(CultureInfo.InvariantCulture, $"{city.Slug}: chaîne intacte, {report.Entries} entrée(s), dernier rang {report.LastSequence}");
            await output.WriteLineAsync(line);
            broken += report.IsIntact ? 0 : 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{results.Count} chaîne(s) vérifiée(s), {broken} rompue(s)."));
        return broken == 0 ? Intact : Broken;
    }
}
