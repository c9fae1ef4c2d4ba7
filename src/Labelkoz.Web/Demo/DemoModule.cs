namespace Labelkoz.Web.Demo;

/// <summary>
/// The demo data of a one-command start (Montreuil, Bagnolet, their staff and stories), seeded when
/// <c>Database:SeedDemoData</c> is true. Lives outside Features and Infrastructure: it drives every
/// feature's use cases, and nothing depends on it.
/// </summary>
public static class DemoModule
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<DemoProjects>();
        builder.Services.AddScoped<DemoCalls>();
        builder.Services.AddScoped<DemoFunding>();
        builder.Services.AddScoped<DemoSubscriptions>();
        return builder;
    }

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue("Database:SeedDemoData", false))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
