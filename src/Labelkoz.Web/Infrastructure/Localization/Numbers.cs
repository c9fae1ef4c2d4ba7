using System.Globalization;

namespace Labelkoz.Web.Infrastructure.Localization;

public static class Numbers
{
    /// <summary>A rate kept in basis points (a fee of 4 % is 400), as people read it: "4 %", "2,5 %".</summary>
    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.CurrentCulture) + " %";
}
