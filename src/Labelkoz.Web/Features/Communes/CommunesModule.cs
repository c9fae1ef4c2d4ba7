namespace Labelkoz.Web.Features.Communes;

public static class CommunesModule
{
    /// <summary>The official list of French communes: its loader (run at start-up) and its search.</summary>
    public static WebApplicationBuilder AddCommunes(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(services => CommuneDataset.FromConfiguration(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddScoped<CommuneLoader>();
        builder.Services.AddScoped<CommuneCatalog>();
        return builder;
    }

    /// <summary>
    /// Loads the list into its table when it is missing or outdated, unless
    /// <c>ReferenceData:LoadCommunes</c> is false (the tests that do not need it).
    /// </summary>
    public static async Task LoadCommunesAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue("ReferenceData:LoadCommunes", true))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CommuneLoader>().LoadAsync(CancellationToken.None);
        }
    }
}
