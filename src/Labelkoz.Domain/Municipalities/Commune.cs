namespace Labelkoz.Domain.Municipalities;

/// <summary>
/// A current French commune as the official open data describes it (Etalab's "découpage
/// administratif"): public reference data shared by every city, not owned by any. A municipality
/// signs up by picking itself here, so its INSEE code, SIREN and population are never typed.
/// </summary>
public sealed class Commune
{
    public const int NameMaxLength = 100;
    public const int PostalCodesMaxLength = 250;
    public const int EpciNameMaxLength = 150;
    public const int DatasetVersionMaxLength = 20;

    public Commune(
        string inseeCode,
        string name,
        string? siren,
        int? population,
        string departmentCode,
        IEnumerable<string> postalCodes,
        string? epciSiren,
        string? epciName,
        string datasetVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentCode);
        ArgumentNullException.ThrowIfNull(postalCodes);
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetVersion);
        InseeCode = Municipalities.InseeCode.Parse(inseeCode).Value;
        Name = name.Trim();
        SearchText = Common.SearchText.Fold(Name);
        Siren = string.IsNullOrWhiteSpace(siren) ? null : siren.Trim();
        Population = population;
        DepartmentCode = departmentCode.Trim();
        PostalCodes = string.Join(' ', postalCodes.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal));
        EpciSiren = epciSiren;
        EpciName = epciName;
        DatasetVersion = datasetVersion;
    }

    private Commune()
    {
    }

    /// <summary>The commune's INSEE code, its key (e.g. 93048 for Montreuil).</summary>
    public string InseeCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The name folded by <c>SearchText.Fold</c>: "Saint-Étienne" is "saint etienne".</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The commune's SIREN (9 digits), printed on its invoices; absent for a few overseas communes.</summary>
    public string? Siren { get; private set; }

    /// <summary>The official municipal population; absent for the few communes the dataset gives none.</summary>
    public int? Population { get; private set; }

    /// <summary>The department code: "93", "2A", "971".</summary>
    public string DepartmentCode { get; private set; } = "";

    /// <summary>The commune's postal codes separated by single spaces: "93100", or "75001 75002 …".</summary>
    public string PostalCodes { get; private set; } = "";

    /// <summary>The SIREN of the EPCI (intercommunality) the commune belongs to, if any.</summary>
    public string? EpciSiren { get; private set; }

    public string? EpciName { get; private set; }

    /// <summary>The version of the dataset the row was loaded from (the npm package's, e.g. "6.0.0").</summary>
    public string DatasetVersion { get; private set; } = "";

    public IReadOnlyList<string> PostalCodeList => PostalCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
