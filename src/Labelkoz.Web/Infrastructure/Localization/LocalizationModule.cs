using Labelkoz.Domain.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Infrastructure.Localization;

/// <summary>A marker type for <c>IStringLocalizer&lt;SharedResource&gt;</c>: all areas share one lookup.</summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}

public static class LocalizationModule
{
    public const string CultureCookie = ".Labelkoz.Culture";

    public static IServiceCollection AddLabelkozLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<JsonStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<JsonStringLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            options.SupportedCultures = [.. Cultures.Supported];
            options.SupportedUICultures = [.. Cultures.Supported];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // French unless the person chose otherwise: the browser's language does not switch the site.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });
        services.AddSingleton<IConfigureOptions<MvcOptions>, FrenchModelBindingMessages>();
        return services;
    }

    /// <summary>
    /// Translates a refusal from the domain into the current language. French words the domain
    /// passes as arguments (a status, a field name, a list joined with ", ") are translated too.
    /// </summary>
    public static string Localize(this IStringLocalizer localizer, DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(exception);
        var arguments = exception.Arguments
            .Select(argument => argument is string text
                ? string.Join(", ", text.Split(", ").Select(part => localizer[part].Value))
                : argument)
            .ToArray();
        return localizer[exception.Template, arguments].Value;
    }

    private sealed class FrenchModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var l = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(field => l["Le champ « {0} » est obligatoire.", field]);
            messages.SetMissingBindRequiredValueAccessor(field => l["Le champ « {0} » est obligatoire.", field]);
            messages.SetMissingKeyOrValueAccessor(() => l["Une valeur est obligatoire."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Le contenu de la requête est vide."]);
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["La valeur « {0} » n'est pas valide pour le champ « {1} ».", value, field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["La valeur « {0} » n'est pas valide.", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => l["La valeur saisie pour le champ « {0} » n'est pas valide.", field]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["La valeur saisie n'est pas valide."]);
            messages.SetValueIsInvalidAccessor(value => l["La valeur « {0} » n'est pas valide.", value]);
            messages.SetValueMustBeANumberAccessor(field => l["Le champ « {0} » doit être un nombre.", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Ce champ doit être un nombre."]);
        }
    }
}
