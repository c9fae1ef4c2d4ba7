using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Projects.Public;

/// <summary>Labels given, revoked or let lapse straight through the domain, as the city's admin would.</summary>
internal static class LabelTestKit
{
    /// <summary>The internal note the city's agent writes on the projects it reviews: never shown outside the back office.</summary>
    public const string Note = "Vérifier avec le service concerné la faisabilité et le calendrier.";

    /// <summary>Land and an agent's follow-up (the referent, never named in public), with conditions: 18 000 € in all.</summary>
    public static LabelTerms SportsGroundTerms => new(
        [
            new(CommitmentKind.Land, "Mise à disposition d'une parcelle de 300 m² en bordure du parc, pour dix ans", EstimatedValueCents: 1_500_000),
            new(CommitmentKind.Expertise, "Un agent du service des sports suit le chantier et l'animation", EstimatedValueCents: 300_000),
        ],
        null,
        "Le porteur présente un bilan d'étape au service concerné tous les six mois.");

    /// <summary>Land, the city doubling every gift up to 5 000 €, and a word in the city's paper: 13 000 € in all.</summary>
    public static LabelTerms GardenTerms => new(
        [
            new(CommitmentKind.Land, "La friche municipale de 400 m² rue de la Fontaine, clôturée et raccordée à l'eau", EstimatedValueCents: 800_000),
            new(CommitmentKind.CoFinancing, "La Ville double chaque don : 1 € pour 1 €, jusqu'à 5 000 €", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 500_000),
            new(CommitmentKind.Communication, "Annonce dans le journal municipal et sur les panneaux de la ville"),
        ],
        null,
        null);

    /// <summary>A room once a month: what an agent proposes for a repair café.</summary>
    public static LabelTerms RepairCafeTerms => new(
        [new(CommitmentKind.Premises, "La salle polyvalente de la Croix-de-Chavaux, le premier samedi de chaque mois", EstimatedValueCents: 240_000)], null, null);

    public static LabelTerms Terms(params CommitmentTerms[] commitments) => new(commitments, null, null);

    public static CommitmentTerms Land(string description = "Une parcelle de 200 m²", long? value = 1_000_000) =>
        new(CommitmentKind.Land, description, value);

    /// <summary>
    /// Takes the project into review if needed and labels it as Montreuil's admin (confirmed at
    /// once). An Expertise commitment gets the city's agent as referent.
    /// </summary>
    public static async Task LabelAsync(this AppFactory app, long projectId, LabelTerms terms, DateTime? at = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == projectId);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == project.MunicipalityId);
        var admin = city.Memberships.First(m => m.Role == StaffRole.Admin).UserId;
        var agent = city.Memberships.FirstOrDefault(m => m.Role == StaffRole.Agent)?.UserId ?? admin;
        var now = at ?? DateTime.UtcNow;
        if (project.Status != ProjectStatus.InReview)
        {
            project.TakeIntoReview(city, admin, agent, now);
        }

        var withReferent = new LabelTerms(
            [.. terms.Commitments.Select(c => c.Kind == CommitmentKind.Expertise && c.ReferentUserId is null ? c with { ReferentUserId = agent } : c)],
            terms.ValidUntil,
            terms.Conditions);
        project.ProposeLabel(city, admin, withReferent, now);
        await db.SaveChangesAsync();
    }

    public static async Task RevokeAsync(this AppFactory app, long projectId, string reason)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == projectId);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == project.MunicipalityId);
        project.RevokeLabel(city, city.Memberships.First(m => m.Role == StaffRole.Admin).UserId, reason, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>Labelled sixty days ago, valid until a month ago: the badge is gone.</summary>
    public static Task LabelThatLapsedAsync(this AppFactory app, long projectId, LabelTerms terms) =>
        app.LabelAsync(
            projectId,
            terms with { ValidUntil = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)) },
            DateTime.UtcNow.AddDays(-60));
}
