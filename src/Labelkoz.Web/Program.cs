using Labelkoz.Web.Features.Accounts;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.CityAdmin;
using Labelkoz.Web.Features.Communes;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.OpenData;
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
builder.AddCityAdmin();
builder.AddOpenData();
builder.AddCalls();
builder.AddFunding();
builder.AddCommunes();
builder.AddSubscriptions();
builder.AddSignup();
builder.Services.AddLabelkozSecurity();

var app = builder.Build();
app.UseLabelkozPipeline();
app.MapHealth();
app.MapCityEndpoints();
app.MapProjectImages();
app.MapOpenData();
app.MapCallsOpenData();
app.MapCommunesOpenData();
app.MapStripeWebhook();
app.MapRazorPages();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
