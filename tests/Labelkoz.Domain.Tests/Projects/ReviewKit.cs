using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Tests.Projects;

/// <summary>A city with an admin and an agent, and label terms that pass every check.</summary>
internal static class ReviewKit
{
    public const long Agent = 21;
    public const long Outsider = 99;

    private static readonly DateTime Created = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    public static Municipality City(long admin)
    {
        var city = Municipality.Create("Montreuil", "montreuil", "93048", 111_000, Created);
        city.GrantRole(admin, StaffRole.Admin, Created);
        city.GrantRole(Agent, StaffRole.Agent, Created);
        return city;
    }

    public static LabelTerms Terms(params CommitmentTerms[] commitments) =>
        new(
            commitments.Length > 0
                ? commitments
                : [
                    new CommitmentTerms(CommitmentKind.Land, "Une parcelle de 300 m² au bord du parc", 1_500_000),
                    new CommitmentTerms(CommitmentKind.Expertise, "Un agent des sports suit le chantier", null, Agent),
                ],
            null,
            null);

    public static CommitmentTerms Matchfunding(int? ratioPercent, long? capCents) =>
        new(CommitmentKind.CoFinancing, "La Ville double chaque don", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: ratioPercent, MatchCapCents: capCents);
}
