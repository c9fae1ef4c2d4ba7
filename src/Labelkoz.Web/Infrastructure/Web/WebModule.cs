using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

namespace Labelkoz.Web.Infrastructure.Web;

public static class WebModule
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequirePublicAddress();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLabelkozLocalization();
        builder.Services
            .AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.Add(new StaffFolderAuthorization());
                options.Conventions.ConfigureFilter(new DomainExceptionPageFilter());
            })
            .AddViewOptions(options =>
            {
                // No client-side validation script is served (progressive enhancement: the server
                // validates); its data-val-* attributes would only leak untranslated messages.
                options.HtmlHelperOptions.ClientValidationEnabled = false;
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Persistence.DatabaseBusy.Handler>();
        builder.Services.AddSingleton<Text.MarkdownRenderer>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SiteAddress>();
        builder.Services.AddScoped<Audit.AuditTrail>();

        // French text stays readable in the HTML instead of becoming numeric entities.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Keys in the database: several stateless web nodes share cookies and antiforgery tokens.
        builder.Services.AddDataProtection().SetApplicationName("Labelkoz").PersistKeysToDbContext<AppDbContext>();
        builder.Services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.AppendTrailingSlash = false;
        });
        return builder;
    }
}
