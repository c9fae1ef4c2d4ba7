namespace Labelkoz.Web.Features.Subscriptions;

public static class SubscriptionsModule
{
    public static WebApplicationBuilder AddSubscriptions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SubscriptionBilling>();
        if (builder.Configuration.GetValue("Subscriptions:RunJobs", true))
        {
            builder.Services.AddHostedService<SubscriptionJobService>();
        }

        return builder;
    }
}
