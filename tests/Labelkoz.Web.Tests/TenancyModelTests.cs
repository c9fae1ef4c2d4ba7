using Labelkoz.Data;
using Labelkoz.Data.Tenancy;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests;

public sealed class TenancyModelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void EveryTenantOwnedEntity_HasTheTenantQueryFilter()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var tenantOwned = db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList();
        Assert.NotEmpty(tenantOwned);
        foreach (var entityType in tenantOwned)
        {
            Assert.True(
                entityType.GetDeclaredQueryFilters().Any(f => f.Key == AppDbContext.TenantFilter),
                $"{entityType.ClrType.Name} is tenant-owned but has no '{AppDbContext.TenantFilter}' query filter.");
        }
    }

    [Fact]
    public void EveryTableWithAMunicipalityId_IsTenantOwned()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // A notification belongs to a person, whichever cities they deal with; its MunicipalityId
        // only names the city it is about, and it is read by its owner's id, never by a city's.
        // A sign-up request is the platform's, made before its city exists: its MunicipalityId names
        // the city its validation created, and only the operator reads it.
        var personal = new[] { typeof(Notification), typeof(Labelkoz.Domain.Subscriptions.SignupRequest) };
        var offenders = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ITenantOwned.MunicipalityId)) is not null && !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => !personal.Contains(t.ClrType))

            // An owned type stored in the municipality's own row (its legal details): its
            // MunicipalityId is the owner's key, the row is the tenant itself.
            .Where(t => !(t.IsOwned() && t.FindOwnership()!.PrincipalEntityType.ClrType == typeof(Labelkoz.Domain.Municipalities.Municipality)))
            .Select(t => t.ClrType.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task OnOneCitysSite_OtherCitiesRowsAreInvisible()
    {
        var (one, _) = await app.Given.TwoCities();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var totalNeighbourhoods = await db.Neighbourhoods.CountAsync();

        var tenant = scope.ServiceProvider.GetRequiredService<Labelkoz.Web.Infrastructure.Tenancy.TenantContext>();
        tenant.Enter(new(one.Id, one.Name, one.Slug, "#000000", "#FFFFFF", "#000000", false, 0, "partiellement conforme"));

        var visible = await db.Neighbourhoods.Select(n => n.MunicipalityId).Distinct().ToListAsync();
        Assert.Equal([one.Id], visible);
        Assert.True(totalNeighbourhoods > await db.Neighbourhoods.CountAsync());
    }

    [Fact]
    public async Task OnOneCitysSite_WritingAnotherCitysRow_IsRefusedBeforeTheDatabase()
    {
        var (one, other) = await app.Given.TwoCities();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var victim = await db.Municipalities.Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == other.Id);
        var tenant = scope.ServiceProvider.GetRequiredService<Labelkoz.Web.Infrastructure.Tenancy.TenantContext>();
        tenant.Enter(new(one.Id, one.Name, one.Slug, "#000000", "#FFFFFF", "#000000", false, 0, "partiellement conforme"));

        victim.AddNeighbourhood("Quartier pirate", DateTime.UtcNow);

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }
}
