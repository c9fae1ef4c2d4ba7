using System.Reflection;
using Labelkoz.Web.Infrastructure.Tenancy;

namespace Labelkoz.Web.Tests.Architecture;

/// <summary>
/// The walls of the house (STYLE.md): the domain sees nothing but the BCL; infrastructure serves
/// the features and never imports them; nothing depends on the demo; an area's staff pages are its
/// own; no area outgrows the others; pages are authorised by the folder they live in.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Web = "Labelkoz.Web";
    private const string Features = "Labelkoz.Web.Features";
    private static readonly Assembly WebAssembly = typeof(Program).Assembly;

    private static readonly Lazy<List<(Type Type, Type[] Uses)>> WebTypes = new(() =>
        [.. WebAssembly.GetTypes()
            .Where(t => t.DeclaringType is null && t.Namespace?.StartsWith(Web, StringComparison.Ordinal) == true)
            .Select(t => (t, TypeDependencies.Of(t).Select(TypeDependencies.Outermost).Where(u => u.Assembly == WebAssembly && u != t).Distinct().ToArray()))]);

    [Fact]
    public void TheDomain_ReferencesNothingButTheBaseClassLibrary()
    {
        var references = typeof(Domain.Common.DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal), $"Labelkoz.Domain references {name}"));
    }

    [Fact]
    public void TheData_ReferencesNeitherTheWebNorAspNetMvc()
    {
        var references = typeof(Data.AppDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(Web, references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_ImportsNoFeature_NorTheDemo()
    {
        var offences = Offences(
            t => t.Namespace!.StartsWith(Web + ".Infrastructure", StringComparison.Ordinal),
            used => used.Namespace!.StartsWith(Features, StringComparison.Ordinal) || used.Namespace!.StartsWith(Web + ".Demo", StringComparison.Ordinal));
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void NothingButTheStartUp_DependsOnTheDemo()
    {
        var offences = Offences(
            t => !t.Namespace!.StartsWith(Web + ".Demo", StringComparison.Ordinal),
            used => used.Namespace!.StartsWith(Web + ".Demo", StringComparison.Ordinal));
        Assert.All(offences, o => Assert.StartsWith("Program ", o, StringComparison.Ordinal));
    }

    /// <summary>
    /// A page under <c>Funding/Admin</c> is funding's business: another area that needs something from
    /// it asks the area itself (or a shared helper), so moving or splitting a staff page never breaks
    /// another area.
    /// </summary>
    [Fact]
    public void AnAreasStaffAndOperatorCode_IsUsedOnlyInsideItsArea()
    {
        var offences = Offences(
            t => t.Namespace!.StartsWith(Features, StringComparison.Ordinal),
            (user, used) => used.Namespace!.StartsWith(Features, StringComparison.Ordinal)
                && IsStaffNamespace(used.Namespace!)
                && Area(used.Namespace!) != Area(user.Namespace!));
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void NoArea_HoldsMoreThanAQuarterOfTheFeatures()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Labelkoz.Web", "Features");
        var linesByArea = Directory.GetDirectories(features).ToDictionary(
            area => Path.GetFileName(area)!,
            area => Directory.EnumerateFiles(area, "*.cs*", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Count()));
        var total = linesByArea.Values.Sum() + Directory.EnumerateFiles(features, "*.cs*").Sum(f => File.ReadLines(f).Count());
        Assert.All(linesByArea, area => Assert.True(area.Value * 4 <= total, $"{area.Key} holds {area.Value} of {total} lines of Features"));
    }

    /// <summary>One use case per page: a page model that grows past this holds more than one, or code that belongs elsewhere.</summary>
    [Fact]
    public void NoPageModel_IsLongerThanFourHundredLines()
    {
        const int MaxLines = 400;
        var features = Path.Combine(RepositoryRoot(), "src", "Labelkoz.Web", "Features");
        var tooLong = Directory.EnumerateFiles(features, "*.cshtml.cs", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(features, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, string.Join(Environment.NewLine, tooLong));
    }

    [Theory]
    [InlineData("/Funding/Admin/Details", Policies.CityStaff)]
    [InlineData("/Cities/Admin/Index", Policies.CityStaff)]
    [InlineData("/Funding/Operator/Payouts", Policies.Operator)]
    [InlineData("/Operator/Index", Policies.Operator)]
    [InlineData("/Projects/Details", null)]
    [InlineData("/Admin", null)]
    [InlineData("/Projects/Administration/Page", null)]
    public void APage_IsAuthorisedByTheFolderItLivesIn(string page, string? policy) =>
        Assert.Equal(policy, StaffFolderAuthorization.PolicyFor(page));

    private static List<string> Offences(Func<Type, bool> scope, Func<Type, bool> forbidden) =>
        Offences(scope, (_, used) => forbidden(used));

    private static List<string> Offences(Func<Type, bool> scope, Func<Type, Type, bool> forbidden) =>
        [.. WebTypes.Value
            .Where(t => t.Type.Namespace is not null && scope(t.Type))
            .SelectMany(t => t.Uses.Where(u => u.Namespace is not null && forbidden(t.Type, u)).Select(u => $"{t.Type.FullName} uses {u.FullName}"))];

    private static bool IsStaffNamespace(string ns) =>
        ns.Split('.').Skip(3).Any(segment => segment is StaffFolderAuthorization.CityStaffFolder or StaffFolderAuthorization.OperatorFolder);

    private static string Area(string ns) => ns.Split('.') is { Length: > 3 } parts ? parts[3] : string.Empty;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Labelkoz.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Labelkoz.slnx not found above the test binaries.");
    }
}
