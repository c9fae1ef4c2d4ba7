using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>Where a test project ends up in its lifecycle.</summary>
public enum ProjectState
{
    Draft,

    /// <summary>Submitted under pre-moderation: waits for staff to publish it.</summary>
    AwaitingPublication,

    /// <summary>Submitted under post-moderation: public at once.</summary>
    Submitted,
    InReview,
    ChangesRequested,

    /// <summary>In review, an agent's label proposal waiting for the admin's confirmation.</summary>
    LabelProposed,

    /// <summary>Labelled by the admin (with <see cref="ProjectSpec.Label"/>, or one Premises commitment).</summary>
    Labelled,

    /// <summary>Labelled as a city usually works: the agent's proposal, confirmed by the admin.</summary>
    LabelledOnProposal,
    Declined,
    Hidden,
    Withdrawn,
}

/// <summary>What a test project is made of; every part has a plausible default.</summary>
public sealed record ProjectSpec
{
    /// <summary>The title; "Projet de test N" when null (N unique).</summary>
    public string? Title { get; init; }

    public ProjectState State { get; init; } = ProjectState.Submitted;

    public string? Summary { get; init; } = "Un projet pour le quartier.";

    public string? Description { get; init; } = "Une **description** du projet.";

    public ProjectCategory Category { get; init; } = ProjectCategory.Environment;

    /// <summary>One of the city's neighbourhoods by name, or none when null.</summary>
    public string? Neighbourhood { get; init; }

    /// <summary>An address with coordinates (the map shows it), or none when null.</summary>
    public string? Address { get; init; }

    public (string? Label, long AmountCents)[] Budget { get; init; } = [];

    public (CommitmentKind Kind, string? Details)[] Support { get; init; } = [];

    /// <summary>The alternative texts of the images (the files are not stored).</summary>
    public string[] ImageAlts { get; init; } = [];

    public HolderType HolderType { get; init; } = HolderType.Individual;

    public string? Organisation { get; init; }

    public string? Rna { get; init; }

    /// <summary>Why staff hid the project, for <see cref="ProjectState.Hidden"/>; a breach of the charter when null.</summary>
    public string? HiddenReason { get; init; }

    /// <summary>The public reason of a <see cref="ProjectState.Declined"/> project; a lack of competence when null.</summary>
    public string? DeclineReason { get; init; }

    /// <summary>What the city asks of a <see cref="ProjectState.ChangesRequested"/> project; a question on the calendar when null.</summary>
    public string? ChangesRequest { get; init; }

    /// <summary>
    /// An internal note the agent writes on taking the project into review (never shown in public); the
    /// agent then follows the project and asks for its changes.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>The terms of the label, for <see cref="ProjectState.Labelled"/>, <see cref="ProjectState.LabelledOnProposal"/> and <see cref="ProjectState.LabelProposed"/>.</summary>
    public LabelTerms? Label { get; init; }

    /// <summary>Accounts that support the project (public projects only).</summary>
    public TestUser[] Supporters { get; init; } = [];

    /// <summary>When the project is created and moved: tests order projects by it. The app's clock when null.</summary>
    public DateTime? At { get; init; }
}

/// <summary>A project built for a test.</summary>
public sealed record TestProject(long Id, string CitySlug, string Title)
{
    /// <summary>The canonical public page (with the title's slug).</summary>
    public string Path => ProjectPaths.Page(CitySlug, Id, Title);

    public string AdminPath => $"/{CitySlug}/admin/projets/{Id}";
}

public sealed partial class Given
{
    /// <summary>One commitment, the kind a test needs most often.</summary>
    public static LabelTerms DefaultLabel => new([new CommitmentTerms(CommitmentKind.Premises, "Une salle le samedi", 100_000)], null, null);

    /// <summary>A project of <paramref name="holder"/> in <paramref name="city"/>, moved to <see cref="ProjectSpec.State"/> by the city's staff.</summary>
    public Task<TestProject> Project(TestCity city, TestUser holder, ProjectSpec? spec = null) =>
        Project(city.Id, city.Slug, holder.Id, spec);

    /// <summary>A project in a given state, with defaults for everything else.</summary>
    public Task<TestProject> Project(TestCity city, TestUser holder, ProjectState state) =>
        Project(city, holder, new ProjectSpec { State = state });

    /// <summary>A project the city's admin labelled with <paramref name="commitments"/> (one Premises commitment if none).</summary>
    public Task<TestProject> LabelledProject(TestCity city, TestUser holder, params CommitmentTerms[] commitments) =>
        Project(city, holder, new ProjectSpec
        {
            State = ProjectState.Labelled,
            Label = commitments.Length == 0 ? DefaultLabel : new LabelTerms(commitments, null, null),
        });

    /// <summary>The same, for a city and a holder known only by id and slug (the kits of the demo-based tests).</summary>
    public async Task<TestProject> Project(long cityId, string citySlug, long holderId, ProjectSpec? spec = null)
    {
        spec ??= new ProjectSpec();
        var title = spec.Title ?? $"Projet de test {Next()}";
        var at = spec.At ?? Now;
        var id = await InDbAsync(async db =>
        {
            var city = await db.Municipalities.Include(m => m.Neighbourhoods).Include(m => m.Memberships).SingleAsync(m => m.Id == cityId);
            // A city without staff can still hold projects that no staff has touched (drafts, submitted ones).
            var admin = city.Memberships.OrderBy(m => m.Id).FirstOrDefault(m => m.Role == StaffRole.Admin)?.UserId ?? 0;
            var agent = city.Memberships.OrderBy(m => m.Id).FirstOrDefault(m => m.Role == StaffRole.Agent)?.UserId ?? admin;
            var neighbourhood = spec.Neighbourhood is null ? null : city.Neighbourhoods.Single(n => n.Name == spec.Neighbourhood);

            var project = Domain.Projects.Project.StartDraft(city.Id, holderId, title, at);
            project.UpdateContent(holderId, title, spec.Summary, spec.Description, spec.Category, neighbourhood, at);
            if (spec.Address is not null)
            {
                project.UpdateLocation(holderId, spec.Address, 48.86, 2.44, at);
            }

            if (spec.HolderType != HolderType.Individual)
            {
                project.UpdateHolder(holderId, spec.HolderType, spec.Organisation, spec.Rna, null, at);
            }

            project.ReplaceBudget(holderId, spec.Budget, at);
            project.ReplaceRequestedSupport(holderId, spec.Support, at);
            foreach (var alt in spec.ImageAlts)
            {
                project.AddImage(holderId, $"projects/test-{Guid.NewGuid():N}.png", "image/png", alt, at);
            }

            Advance(project, spec, city, holderId, admin, agent, at);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            foreach (var supporter in spec.Supporters)
            {
                db.ProjectSupports.Add(new ProjectSupport(project, supporter.Id, at));
            }

            await db.SaveChangesAsync();
            return project.Id;
        });
        return new TestProject(id, citySlug, title);
    }

    private static void Advance(Project project, ProjectSpec spec, Municipality city, long holder, long admin, long agent, DateTime at)
    {
        switch (spec.State)
        {
            case ProjectState.Draft:
                return;
            case ProjectState.AwaitingPublication:
                project.Submit(holder, ModerationMode.PreModeration, at);
                return;
            case ProjectState.Withdrawn:
                project.Submit(holder, ModerationMode.PostModeration, at);
                project.Withdraw(holder, "Le porteur a déménagé", at);
                return;
            case ProjectState.Hidden:
                project.Submit(holder, ModerationMode.PostModeration, at);
                project.Hide(admin, spec.HiddenReason ?? "Contenu contraire à la charte", at);
                return;
        }

        project.Submit(holder, ModerationMode.PostModeration, at);
        if (spec.State == ProjectState.Submitted)
        {
            return;
        }

        if (spec.Note is null)
        {
            project.TakeIntoReview(city, admin, null, at);
        }
        else
        {
            project.TakeIntoReview(city, agent, agent, at);
            project.AddNote(city, agent, spec.Note, at);
        }

        switch (spec.State)
        {
            case ProjectState.ChangesRequested:
                project.RequestChanges(city, spec.Note is null ? admin : agent, spec.ChangesRequest ?? "Pouvez-vous préciser le calendrier ?", at);
                break;
            case ProjectState.LabelProposed:
                project.ProposeLabel(city, agent, WithReferent(spec.Label ?? DefaultLabel, agent), at);
                break;
            case ProjectState.Labelled:
                project.ProposeLabel(city, admin, WithReferent(spec.Label ?? DefaultLabel, agent), at);
                break;
            case ProjectState.LabelledOnProposal:
                var proposal = project.ProposeLabel(city, agent, WithReferent(spec.Label ?? DefaultLabel, agent), at);
                project.ConfirmProposal(city, admin, proposal.Id, at);
                break;
            case ProjectState.Declined:
                project.ProposeDecline(city, admin, spec.DeclineReason ?? "Le projet ne relève pas des compétences de la ville.", at);
                break;
        }
    }

    /// <summary>An Expertise commitment without referent gets the city's agent, as the decision form requires.</summary>
    private static LabelTerms WithReferent(LabelTerms terms, long agent) =>
        terms with { Commitments = [.. terms.Commitments.Select(c => c.Kind == CommitmentKind.Expertise && c.ReferentUserId is null ? c with { ReferentUserId = agent } : c)] };

    /// <summary>Supports from <paramref name="count"/> new accounts.</summary>
    public async Task Supports(TestProject project, int count)
    {
        var people = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            people.Add(await Person());
        }

        await InDbAsync(async db =>
        {
            var entity = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id);
            foreach (var person in people)
            {
                db.ProjectSupports.Add(new ProjectSupport(entity, person.Id, Now));
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A visible comment (or one waiting for approval under pre-moderation) by <paramref name="author"/>.</summary>
    public Task<long> Comment(TestProject project, TestUser author, string body, ModerationMode moderation = ModerationMode.PostModeration, long? parentId = null) =>
        InDbAsync(async db =>
        {
            var entity = await db.Projects.SingleAsync(p => p.Id == project.Id);
            var parent = parentId is { } id ? await db.Comments.SingleAsync(c => c.Id == id) : null;
            var comment = Domain.Projects.Comment.Write(entity, author.Id, parent, body, moderation, Now);
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    /// <summary>A report of the comment by <paramref name="reporter"/>, for moderation.</summary>
    public Task Report(long commentId, TestUser reporter, string reason = "Propos insultants") =>
        InDbAsync(async db =>
        {
            var comment = await db.Comments.Include(c => c.Reports).SingleAsync(c => c.Id == commentId);
            comment.Report(reporter.Id, reason, Now);
            return await db.SaveChangesAsync();
        });
}
