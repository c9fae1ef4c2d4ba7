namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>The second factor's addresses.</summary>
public static class SecondFactorPaths
{
    public const string Settings = "/compte/double-authentification";
    public const string Codes = "/compte/double-authentification/codes-de-secours";
    public const string LogInCode = "/compte/connexion/code";
    public const string LogInRecovery = "/compte/connexion/code-de-secours";

    public static string LogInWithCode(string? returnUrl, bool rememberMe) =>
        $"{LogInCode}?RememberMe={(rememberMe ? "true" : "false")}{(returnUrl is null ? string.Empty : "&ReturnUrl=" + Uri.EscapeDataString(returnUrl))}";

    public static string WithReturn(string path, string? returnUrl) =>
        returnUrl is null ? path : $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
}
