using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Audit;

/// <summary>
/// The audit log is append-only at every level: the database refuses UPDATE and DELETE (triggers),
/// and the save pipeline refuses a changed or removed entry before the database sees it.
/// </summary>
public sealed class AppendOnlyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RawSqlUpdate_IsRefusedByTheDatabase_AndTheRowIsUnchanged()
    {
        var entry = await AddEntryAsync("UPDATE refusé");

        var refusal = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Details\" = 'réécrit', \"ActorName\" = 'Quelqu''un d''autre' WHERE \"Id\" = {0}", entry.Id)));

        Assert.NotNull(refusal);
        Assert.IsNotType<InvalidOperationException>(refusal);
        await AssertUnchangedAsync(entry);
    }

    [Fact]
    public async Task RawSqlDelete_IsRefusedByTheDatabase_AndTheRowRemains()
    {
        var entry = await AddEntryAsync("DELETE refusé");

        var one = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", entry.Id)));
        var all = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));

        Assert.NotNull(one);
        Assert.NotNull(all);
        await AssertUnchangedAsync(entry);
        Assert.True(await app.EntryCountAsync() > 0);
    }

    [Fact]
    public async Task ExecuteUpdateAndExecuteDelete_AreRefusedByTheDatabase()
    {
        var entry = await AddEntryAsync("Bulk refusé");

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.Details, "réécrit"))));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync()));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        await AssertUnchangedAsync(entry);
    }

    [Fact]
    public async Task ATrackedEntry_ChangedThenSaved_IsRefusedBeforeTheDatabase()
    {
        var entry = await AddEntryAsync("Modification suivie refusée");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tracked = await db.AuditEntries.SingleAsync(e => e.Id == entry.Id);

        db.Entry(tracked).Property(e => e.Details).CurrentValue = "réécrit";
        db.Entry(tracked).Property(e => e.After).CurrentValue = "Tout va bien";
        var refusal = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        var thrown = Assert.IsType<InvalidOperationException>(refusal);
        Assert.Contains("append-only", thrown.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(entry);
    }

    [Fact]
    public async Task ATrackedEntry_RemovedThenSaved_IsRefusedBeforeTheDatabase()
    {
        var entry = await AddEntryAsync("Suppression suivie refusée");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tracked = await db.AuditEntries.SingleAsync(e => e.Id == entry.Id);

        db.AuditEntries.Remove(tracked);
        var refusal = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        Assert.IsType<InvalidOperationException>(refusal);
        await AssertUnchangedAsync(entry);
    }

    [Fact]
    public async Task AnAttachedStranger_MarkedModified_IsRefusedToo()
    {
        var entry = await AddEntryAsync("Entrée attachée refusée");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var copy = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id);

        db.AuditEntries.Update(copy);
        var refusal = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        Assert.IsType<InvalidOperationException>(refusal);
        await AssertUnchangedAsync(entry);
    }

    private async Task<AuditEntry> AddEntryAsync(string details)
    {
        var city = (await app.Given.City()).Id;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = AuditEntry.Record(city, null, "Plateforme", AuditAction.SettingsChanged, AuditSubject.Municipality, city, "La ville", DateTime.UtcNow, details, "Avant : 1", "Après : 2");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private async Task AssertUnchangedAsync(AuditEntry expected)
    {
        var stored = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == expected.Id));
        Assert.NotNull(stored);
        Assert.Equal(
            (expected.Details, expected.ActorName, expected.Before, expected.After, expected.SubjectLabel, expected.Action),
            (stored!.Details, stored.ActorName, stored.Before, stored.After, stored.SubjectLabel, stored.Action));
    }
}
