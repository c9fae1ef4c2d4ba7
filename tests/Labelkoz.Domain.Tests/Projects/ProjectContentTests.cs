using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Projects;

public sealed class ProjectContentTests
{
    private const long Holder = 10;
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    private static Project Draft() => Project.StartDraft(1, Holder, "Jardin partagé", Now);

    [Fact]
    public void Budget_IsKeptInCentsWithItsTotal()
    {
        var project = Draft();

        project.ReplaceBudget(Holder, [("Bacs en bois", 120_050), ("Terreau", 35_000)], Now);

        Assert.Equal(155_050, project.BudgetTotalCents);
        Assert.Equal(["Bacs en bois", "Terreau"], project.BudgetLines.OrderBy(l => l.Position).Select(l => l.Label));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(Project.MaxBudgetLineCents + 1)]
    public void Budget_WithAZeroNegativeOrAbsurdLine_IsRefusedAndLeavesTheOldBudget(long cents)
    {
        var project = Draft();
        project.ReplaceBudget(Holder, [("Bacs", 10_000)], Now);

        Assert.Throws<DomainException>(() => project.ReplaceBudget(Holder, [("Terreau", 5_000), ("Erreur", cents)], Now));

        Assert.Equal(10_000, project.BudgetTotalCents);
    }

    [Fact]
    public void Budget_WithTooManyLines_IsRefused()
    {
        var lines = Enumerable.Range(0, Project.MaxBudgetLines + 1).Select(i => ((string?)$"Poste {i}", 100L));

        Assert.Throws<DomainException>(() => Draft().ReplaceBudget(Holder, lines, Now));
    }

    [Fact]
    public void Title_OfTenThousandCharacters_IsRefused()
    {
        Assert.Throws<DomainException>(() => Project.StartDraft(1, Holder, new string('a', 10_000), Now));
        Assert.Throws<DomainException>(() => Draft().UpdateContent(Holder, new string('a', 10_000), null, null, null, null, Now));
    }

    [Fact]
    public void Category_ThatDoesNotExist_IsRefused()
    {
        Assert.Throws<DomainException>(() => Draft().UpdateContent(Holder, "Titre", null, null, (ProjectCategory)999, null, Now));
    }

    [Fact]
    public void Neighbourhood_OfAnotherCity_IsRefused()
    {
        var otherCity = Municipality.Create("Bagnolet", "bagnolet", "93006", 36_000, Now);
        var neighbourhood = otherCity.AddNeighbourhood("La Noue", Now);

        Assert.Throws<DomainException>(() => Draft().UpdateContent(Holder, "Titre", null, null, null, neighbourhood, Now));
    }

    [Theory]
    [InlineData(HolderType.Association, "Les Jardiniers", "W931234567", null)]
    [InlineData(HolderType.Company, "Vélo Atelier SARL", null, "219300480")]
    [InlineData(HolderType.Individual, null, null, null)]
    public void Holder_WithValidIdentifiers_IsAccepted(HolderType type, string? name, string? rna, string? siren)
    {
        var project = Draft();

        project.UpdateHolder(Holder, type, name, rna, siren, Now);

        Assert.Equal(type, project.HolderType);
        Assert.Equal(rna, project.Rna);
        Assert.Equal(siren, project.Siren);
    }

    [Theory]
    [InlineData(HolderType.Company, "SARL", null, "219300481")]
    [InlineData(HolderType.Company, "SARL", null, "12345")]
    [InlineData(HolderType.Company, "SARL", null, null)]
    [InlineData(HolderType.Association, "Asso", "931234567", null)]
    [InlineData(HolderType.Association, "Asso", "WABCDEFGHI", null)]
    [InlineData(HolderType.Association, null, "W931234567", null)]
    [InlineData(HolderType.Municipality, null, null, null)]
    [InlineData((HolderType)42, null, null, null)]
    public void Holder_WithMissingOrInvalidIdentifiers_IsRefused(HolderType type, string? name, string? rna, string? siren)
    {
        Assert.Throws<DomainException>(() => Draft().UpdateHolder(Holder, type, name, rna, siren, Now));
    }

    [Fact]
    public void RequestedSupport_EachKindOnce()
    {
        var project = Draft();

        project.ReplaceRequestedSupport(Holder, [(CommitmentKind.Land, "300 m²"), (CommitmentKind.Communication, null)], Now);
        Assert.Equal(2, project.RequestedSupports.Count);

        Assert.Throws<DomainException>(() => project.ReplaceRequestedSupport(Holder, [(CommitmentKind.Land, null), (CommitmentKind.Land, "deux fois")], Now));
        Assert.Throws<DomainException>(() => project.ReplaceRequestedSupport(Holder, [((CommitmentKind)99, null)], Now));
        Assert.Equal(2, project.RequestedSupports.Count);
    }

    [Fact]
    public void Images_AreLimitedToEightAndNeedAnAltText()
    {
        var project = Draft();
        Assert.Throws<DomainException>(() => project.AddImage(Holder, "projects/a.png", "image/png", " ", Now));
        for (var i = 0; i < Project.MaxImages; i++)
        {
            project.AddImage(Holder, $"projects/{i}.png", "image/png", $"Vue {i}", Now);
        }

        Assert.Throws<DomainException>(() => project.AddImage(Holder, "projects/9.png", "image/png", "Une de trop", Now));
        Assert.Equal(Enumerable.Range(0, 8), project.Images.Select(i => i.Position));
    }

    [Theory]
    [InlineData(91.0, 2.4)]
    [InlineData(48.8, 181.0)]
    [InlineData(double.NaN, 2.4)]
    public void Location_OutOfRange_IsRefused(double latitude, double longitude)
    {
        Assert.Throws<DomainException>(() => Draft().UpdateLocation(Holder, "Place de la Mairie", latitude, longitude, Now));
    }

    [Fact]
    public void Location_NeedsBothCoordinatesOrNone()
    {
        Assert.Throws<DomainException>(() => Draft().UpdateLocation(Holder, null, 48.86, null, Now));
        var project = Draft();
        project.UpdateLocation(Holder, "Parc des Beaumonts", 48.862, 2.458, Now);
        Assert.Equal(48.862, project.Latitude);
    }

    [Fact]
    public void SearchText_FollowsTheContent_FoldedForSearch()
    {
        var project = Draft();

        project.UpdateContent(Holder, "Café réparation", "Réparer plutôt que jeter", "Atelier **Vélo** & électroménager", ProjectCategory.Environment, null, Now);

        Assert.Equal("cafe reparation reparer plutot que jeter atelier velo electromenager", project.SearchText);
    }

    [Fact]
    public void EveryChange_BumpsTheConcurrencyVersion()
    {
        var project = Draft();
        var before = project.Version;

        project.ReplaceBudget(Holder, [("Bacs", 1_000)], Now);

        Assert.True(project.Version > before);
    }
}
