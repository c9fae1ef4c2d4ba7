namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// The accounts the demo seeding makes (all with <see cref="Builders.Given.Password"/>): for the tests
/// of the demo itself, on <see cref="DemoAppFactory"/>. No other test may use them: on
/// <see cref="AppFactory"/> they do not exist.
/// </summary>
internal static class DemoAccounts
{
    public const string MontreuilAdmin = "admin@montreuil.demo.labelkoz.fr";
    public const string MontreuilAgent = "agent@montreuil.demo.labelkoz.fr";
    public const string BagnoletAdmin = "admin@bagnolet.demo.labelkoz.fr";
    public const string BagnoletAgent = "agent@bagnolet.demo.labelkoz.fr";
    public const string Operator = "operateur@demo.labelkoz.fr";
    public const string Citizen = "camille@demo.labelkoz.fr";
    public const string Hugo = "hugo@demo.labelkoz.fr";
}
