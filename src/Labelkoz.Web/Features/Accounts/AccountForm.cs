using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>Small helpers for the account forms' markup.</summary>
public static class AccountForm
{
    public const string DashboardPath = "/compte/mon-espace";

    /// <summary>"true" for <c>aria-invalid</c> when the field was refused, else null (the attribute is left out).</summary>
    public static string? Invalid(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;
    }

    /// <summary>The place to go after logging in: the requested page when it is on this site, else the dashboard.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Infrastructure.Web.LocalAddress.Of(url, returnUrl) ?? DashboardPath;
    }
}
