using Labelkoz.Data;
using Labelkoz.Web.Features.Accounts.SecondFactor;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Labelkoz.Web.Features.Accounts;

public static class AccountsModule
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services
            .AddIdentity<AppUser, IdentityRole<long>>(options =>
            {
                // Length over composition rules (ANSSI / NIST guidance); common passwords are refused by a validator.
                options.Password.RequiredLength = CommonPasswordValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ClockAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // The password validator builds its refusals with the French describer's extra messages.
        services.AddScoped<FrenchIdentityErrorDescriber>();
        services.AddHttpContextAccessor();
        services.AddScoped<AccountMails>();
        services.Configure<SecondFactorOptions>(builder.Configuration.GetSection(SecondFactorOptions.Section));
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = SecondFactorClaims.KeepProofAsync);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = Infrastructure.Security.StrictlyNecessaryCookies.Session;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/erreur/403";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                // Staff without a proven second factor are sent to set one up or to prove it; anyone
                // else without the right gets a 403 page, not a redirect.
                if (await SecondFactorRedirect.ForAsync(context.HttpContext) is { } secondFactor)
                {
                    context.Response.Redirect(secondFactor);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            };
        });

        services.AddScoped<IAuthorizationHandler, CityRoleHandler>();
        services.AddScoped<IAuthorizationHandler, SecondFactorHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CityStaff, p => p.RequireAuthenticatedUser().AddRequirements(new CityRoleRequirement(Domain.Municipalities.StaffRole.Agent), new SecondFactorRequirement()))
            .AddPolicy(Policies.CityAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new CityRoleRequirement(Domain.Municipalities.StaffRole.Admin), new SecondFactorRequirement()))
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().RequireRole(Policies.OperatorRole).AddRequirements(new SecondFactorRequirement()));
        return builder;
    }
}
