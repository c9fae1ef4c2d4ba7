namespace Labelkoz.Domain.Common;

/// <summary>
/// The clock the cities live by: times are stored in UTC, and a date (a label's end of validity, a
/// campaign's deadline, "today") is a date in metropolitan France. Every rule about "today" and
/// every page that shows or reads a time use this one definition.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A UTC time on the clock of Paris.</summary>
    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A time read on the clock of Paris, in UTC.</summary>
    public static DateTime FromParis(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The date in Paris at <paramref name="utc"/>: "today" for the rules.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToParis(utc));
}
