using Labelkoz.Web.Features.Payments;

// In the area's namespace, like FundingModule, so that Program.cs needs no extra using.
namespace Labelkoz.Web.Features.Funding;

/// <summary>
/// Stripe, when configured: <c>Payments:Stripe:SecretKey</c> and <c>Payments:Stripe:WebhookSecret</c>
/// both set. Then it takes the card payments (<see cref="PaymentProviders.Card"/>) and
/// <c>POST /webhooks/stripe</c> listens; otherwise the sandbox takes them and the webhook answers 404.
/// </summary>
public static class StripeModule
{
    public static WebApplicationBuilder AddStripePayments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var secretKey = builder.Configuration["Payments:Stripe:SecretKey"];
        var webhookSecret = builder.Configuration["Payments:Stripe:WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secretKey) || string.IsNullOrWhiteSpace(webhookSecret))
        {
            return builder;
        }

        builder.Services.AddSingleton(_ => StripeClients.Create(secretKey.Trim()));
        builder.Services.AddSingleton(new StripeWebhookSettings(webhookSecret.Trim(), builder.Configuration["Payments:Stripe:ConnectWebhookSecret"]?.Trim()));
        builder.Services.AddScoped<StripePaymentProvider>();
        builder.Services.AddScoped<IPaymentProvider>(s => s.GetRequiredService<StripePaymentProvider>());
        builder.Services.AddScoped<IProcessorRecords, StripeRecords>();

        // Stripe Connect (ADR 18): holders' own accounts, and the transfer of funded campaigns' card
        // money to them. On unless Payments:Stripe:Connect is false (then payouts go by hand).
        if (builder.Configuration.GetValue("Payments:Stripe:Connect", true))
        {
            builder.Services.AddScoped<StripeConnect>();
            builder.Services.AddScoped<IConnectedAccounts>(s => s.GetRequiredService<StripeConnect>());
        }

        return builder;
    }

    /// <summary>The webhook: no antiforgery (Stripe signs instead), no sign-in, no city.</summary>
    public static WebApplication MapStripeWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<StripeWebhookSettings>() is null)
        {
            return app;
        }

        app.MapPost(StripeWebhook.Path, StripeWebhook.HandleAsync)
            .DisableAntiforgery()
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
