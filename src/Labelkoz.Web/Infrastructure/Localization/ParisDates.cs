using System.Globalization;
using Labelkoz.Domain.Common;

namespace Labelkoz.Web.Infrastructure.Localization;

/// <summary>What became of a date or time typed in a form on the clock of Paris.</summary>
public enum ParisInput
{
    Read,
    Missing,
    Malformed,

    /// <summary>The hour skipped when clocks go forward (spring).</summary>
    DoesNotExist,

    /// <summary>The hour lived twice when clocks go back (autumn).</summary>
    Ambiguous,
}

/// <summary>
/// Dates and times as people type them on the clock of Paris: the browser's date and datetime-local
/// inputs (ISO) or the French way where there is no picker (jj/mm/aaaa hh:mm). One parser for every
/// form; each page words its own message for each outcome.
/// </summary>
public static class ParisDates
{
    /// <summary>The value a datetime-local input shows and posts.</summary>
    public const string DateTimeInputFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The value a date input shows and posts.</summary>
    public const string DateInputFormat = "yyyy-MM-dd";

    private static readonly string[] DateFormats = [DateInputFormat, "dd/MM/yyyy", "d/M/yyyy"];

    private static readonly string[] DateTimeFormats = [DateTimeInputFormat, "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm"];

    public static ParisInput ReadDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParisInput.Missing;
        }

        return DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? ParisInput.Read
            : ParisInput.Malformed;
    }

    /// <summary>A date and time typed on the clock of Paris, as the UTC instant it names.</summary>
    public static ParisInput ReadDateTime(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParisInput.Missing;
        }

        if (!DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ParisInput.Malformed;
        }

        return ToUtc(local, out utc);
    }

    /// <summary>The last second of a Paris day (a campaign ends at 23:59:59 that day), in UTC.</summary>
    public static ParisInput EndOfDay(DateOnly day, out DateTime utc) =>
        ToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)), out utc);

    public static string ForDateTimeInput(DateTime utc) => Cultures.ToParis(utc).ToString(DateTimeInputFormat, CultureInfo.InvariantCulture);

    public static string ForDateInput(DateTime utc) => Cultures.ToParis(utc).ToString(DateInputFormat, CultureInfo.InvariantCulture);

    /// <summary>Today's date in Paris.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ParisTime.DateOf(clock.GetUtcNow().UtcDateTime);
    }

    private static ParisInput ToUtc(DateTime local, out DateTime utc)
    {
        utc = default;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Cultures.Paris.IsInvalidTime(local))
        {
            return ParisInput.DoesNotExist;
        }

        if (Cultures.Paris.IsAmbiguousTime(local))
        {
            return ParisInput.Ambiguous;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(local, Cultures.Paris);
        return ParisInput.Read;
    }
}
