using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>
/// A sensitive action (staff changes, label decisions, payouts, offline payments, plan changes):
/// its forms are accepted only within <see cref="SecondFactorOptions.ReauthenticationMinutes"/> of
/// the last proof of identity (ADR 19). Older, the person is sent to prove it again and comes back
/// to the page; nothing of the action was done. Reading the page needs no fresh proof.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RecentAuthenticationAttribute : Attribute, IAsyncPageFilter
{
    /// <summary>Only for people with a second factor (the account's own settings page, open to citizens without one).</summary>
    public bool OnlyWhenSecondFactor { get; set; }

    /// <summary>Only these handlers (<c>?handler=Confirm</c>) of the page; null: every form of the page.</summary>
    public string[]? Handlers { get; set; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<SecondFactorOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var exempt = (OnlyWhenSecondFactor && !http.User.HasSecondFactor())
            || (Handlers is { } handlers && !handlers.Contains(context.HandlerMethod?.Name, StringComparer.OrdinalIgnoreCase));
        if (read || exempt || http.User.Identity?.IsAuthenticated != true || http.User.AuthenticatedWithin(now, options.ReauthenticationMinutes))
        {
            await next();
            return;
        }

        var l = services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData["StatusMessage"] = l["Pour cette action, confirmez d'abord votre identité (la dernière confirmation date de plus de {0} minutes). Rien n'a encore été fait : vous pourrez recommencer juste après.", options.ReauthenticationMinutes].Value;
        var back = Uri.EscapeDataString(http.Request.PathBase + http.Request.Path);
        context.Result = new RedirectResult($"{SecondFactorRedirect.ReauthenticatePath}?ReturnUrl={back}");
    }
}
