using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;

namespace Labelkoz.Web.Features.Funding;

public static class FundingModule
{
    public static WebApplicationBuilder AddFunding(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SandboxPaymentProvider>();
        builder.Services.AddScoped<IPaymentProvider>(s => s.GetRequiredService<SandboxPaymentProvider>());
        builder.AddStripePayments();
        builder.Services.AddScoped<PaymentProviders>();
        builder.Services.AddScoped<CampaignMoney>();
        builder.Services.AddScoped<Admin.OfflineDesk>();
        builder.Services.AddScoped<TaxReceipts>();
        builder.Services.AddScoped<CampaignSettlement>();
        builder.Services.AddScoped<PayeeAccounts>();
        builder.Services.AddScoped<PayoutTransfers>();
        builder.Services.AddScoped<IProcessorRecords, SandboxRecords>();
        builder.Services.AddScoped<Reconciler>();
        if (builder.Configuration.GetValue("Funding:RunJobs", true))
        {
            builder.Services.AddHostedService<FundingJobService>();
            builder.Services.AddHostedService<ReconciliationJob>();
        }

        return builder;
    }
}
