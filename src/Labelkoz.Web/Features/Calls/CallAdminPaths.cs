namespace Labelkoz.Web.Features.Calls;

/// <summary>The addresses of the city's call pages in the back office.</summary>
public static class CallAdminPaths
{
    /// <summary>The calls list's view of the calls with applications left to score by the person.</summary>
    public const string ViewToScore = "a-noter";

    public static string List(string citySlug) => $"/{citySlug}/admin/appels";

    public static string ToScore(string citySlug) => $"/{citySlug}/admin/appels?vue={ViewToScore}";

    public static string Applications(string citySlug, long callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{citySlug}/admin/appels/{callId}/candidatures");

    public static string Edit(string citySlug, long callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{citySlug}/admin/appels/{callId}");

    /// <summary>The page that asks for the reason and the confirmation before a call is cancelled.</summary>
    public static string Cancel(string citySlug, long callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{citySlug}/admin/appels/{callId}/annulation");
}
