using Labelkoz.Web.Demo;
using Labelkoz.Web.Features.Accounts;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Communes;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Features.Legal;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Features.OpenData;
using Labelkoz.Web.Features.Operator;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Features.Signup;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Persistence;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddWeb();
builder.AddPersistence();
builder.AddAccounts();
builder.AddMail();
builder.AddNotifications();
builder.AddInvitations();
builder.AddOperator();
builder.AddAudit();
builder.AddOpenData();
builder.AddCalls();
builder.AddFunding();
builder.AddCommunes();
builder.AddSubscriptions();
builder.AddSignup();
builder.AddLegal();
builder.AddDemo();
builder.Services.AddLabelkozSecurity();

var app = builder.Build();
if (AuditChainCommand.IsInvoked(args))
{
    // `dotnet run --project src/Labelkoz.Web -- verify-audit [slug]`: checks the chains and exits (ADR 21).
    return await AuditChainCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
}

app.UseLabelkozPipeline();
app.MapHealth();
app.MapSecurityTxt();
app.MapCityEndpoints();
app.MapProjectImages();
app.MapOpenData();
app.MapCallsOpenData();
app.MapCommunesOpenData();
app.MapStripeWebhook();
app.MapRazorPages();
await app.PrepareDatabaseAsync();
await app.LoadCommunesAsync();
await app.EnsurePlansAsync();
await app.SeedDemoDataAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
