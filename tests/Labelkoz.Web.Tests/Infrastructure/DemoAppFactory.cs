namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// The application started from the demo data, as <c>dotnet run</c> starts it: for the tests of the
/// demo itself (its accounts, its stories, the figures its pages show). Every other test builds its
/// own data on <see cref="AppFactory"/>.
/// </summary>
public class DemoAppFactory : AppFactory
{
    protected override bool SeedDemoData => true;
}
