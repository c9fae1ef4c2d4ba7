using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Projects;

/// <summary>DESIGN §3–4: review, decisions by agent and admin, labels with commitments, revocation.</summary>
public sealed class ReviewTests
{
    private const long Holder = 10;
    private const long Admin = 20;
    private const long Agent = ReviewKit.Agent;
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    private readonly Municipality _city = ReviewKit.City(Admin);

    /// <summary>Just after midnight in Paris, UTC is still on the day before: "today" is the date in Paris, for the rule as for the pages.</summary>
    [Fact]
    public void ALabelsEndOfValidity_IsToComeOnTheClockOfParis()
    {
        var parisJustAfterMidnight = new DateTime(2026, 6, 1, 22, 30, 0, DateTimeKind.Utc);
        var today = new DateOnly(2026, 6, 2);
        Assert.Equal(today, ParisTime.DateOf(parisJustAfterMidnight));

        var project = Submitted();
        project.TakeIntoReview(_city, Agent, null, Now);
        var refusal = Assert.Throws<DomainException>(() => project.ProposeLabel(_city, Admin, ReviewKit.Terms() with { ValidUntil = today }, parisJustAfterMidnight));
        Assert.True(refusal.Refusal.Is(ProjectRefusals.LabelValidityInThePast));
        Assert.Equal("ValidUntil", refusal.Field);

        project.ProposeLabel(_city, Admin, ReviewKit.Terms() with { ValidUntil = today.AddDays(1) }, parisJustAfterMidnight);
        Assert.Equal(ProjectStatus.Labelled, project.Status);
    }

    [Fact]
    public void TakeIntoReview_AssignsTheReviewToItsAuthorOrToAColleague()
    {
        var mine = Submitted();
        mine.TakeIntoReview(_city, Agent, null, Now);
        Assert.Equal((ProjectStatus.InReview, Agent), (mine.Status, mine.AssignedStaffUserId));

        var theirs = Submitted();
        theirs.TakeIntoReview(_city, Agent, Admin, Now);
        Assert.Equal(Admin, theirs.AssignedStaffUserId);
    }

    [Fact]
    public void TakeIntoReview_ByOrForSomeoneOutsideTheTeam_IsRefused()
    {
        var project = Submitted();

        Assert.Throws<DomainException>(() => project.TakeIntoReview(_city, ReviewKit.Outsider, null, Now));
        var refusal = Assert.Throws<DomainException>(() => project.TakeIntoReview(_city, Agent, ReviewKit.Outsider, Now));

        Assert.Contains("équipe", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Null(project.AssignedStaffUserId);
    }

    [Fact]
    public void Assign_MovesTheReviewToAColleague_AndIsRecordedForStaffOnly()
    {
        var project = InReview();

        project.Assign(_city, Agent, Admin, Now);

        Assert.Equal(Admin, project.AssignedStaffUserId);
        Assert.Equal(ProjectAction.Assigned, project.History[^1].Action);
        Assert.False(project.History[^1].IsPublic);
        Assert.Throws<DomainException>(() => project.Assign(_city, Agent, Admin, Now));
        project.Assign(_city, Admin, null, Now);
        Assert.Null(project.AssignedStaffUserId);
    }

    [Fact]
    public void RequestChanges_NeedsAMessage_WhichOpensTheThread_AndTheHolderAnswersOnResubmission()
    {
        var project = InReview();

        Assert.Throws<DomainException>(() => project.RequestChanges(_city, Agent, "   ", Now));
        var asked = project.RequestChanges(_city, Agent, "Précisez l'emplacement.", Now);
        Assert.Equal((MessageAuthorSide.City, "Précisez l'emplacement."), (asked.Side, asked.Body));
        Assert.Equal(ProjectStatus.ChangesRequested, project.Status);

        project.Submit(Holder, ModerationMode.PostModeration, Now.AddDays(1), "Voici le plan de la parcelle.");

        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Equal(2, project.Messages.Count);
        Assert.Equal((MessageAuthorSide.Holder, Holder), (project.Messages[^1].Side, project.Messages[^1].AuthorUserId));
    }

    [Fact]
    public void Thread_IsForTheHolderAndTheTeam_AndClosesWithTheProject()
    {
        var project = InReview();

        Assert.Throws<DomainException>(() => project.WriteToCity(Holder + 1, "Je ne suis pas le porteur", Now));
        Assert.Throws<DomainException>(() => project.WriteToHolder(_city, ReviewKit.Outsider, "Je ne suis pas de la ville", Now));
        project.WriteToCity(Holder, "Une question sur le calendrier", Now);
        project.WriteToHolder(_city, Agent, "Réponse de la ville", Now);
        project.ProposeDecline(_city, Admin, "Hors compétence", Now);

        var refusal = Assert.Throws<DomainException>(() => project.WriteToCity(Holder, "Et maintenant ?", Now));
        Assert.Contains("clos", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_AreForTheTeamOnly_AndNeedABody()
    {
        var project = InReview();

        Assert.Throws<DomainException>(() => project.AddNote(_city, ReviewKit.Outsider, "Note", Now));
        Assert.Throws<DomainException>(() => project.AddNote(_city, Agent, "", Now));
        var note = project.AddNote(_city, Agent, "Voir avec les espaces verts", Now);

        Assert.Equal(Agent, note.AuthorUserId);
        Assert.Throws<DomainException>(() => Draft().AddNote(_city, Agent, "Trop tôt", Now));
    }

    [Fact]
    public void AnAgentsProposal_WaitsForAnAdmin_AndOnlyAnAdminConfirmsIt()
    {
        var project = InReview();

        var proposal = project.ProposeLabel(_city, Agent, ReviewKit.Terms(), Now);

        Assert.Equal(ProjectStatus.InReview, project.Status);
        Assert.Same(proposal, project.PendingProposal);
        Assert.Equal(ProjectAction.DecisionProposed, project.History[^1].Action);
        Assert.False(project.History[^1].IsPublic);
        var refusal = Assert.Throws<DomainException>(() => project.ConfirmProposal(_city, Agent, proposal.Id, Now));
        Assert.Contains("administrateur", refusal.Message, StringComparison.Ordinal);

        project.ConfirmProposal(_city, Admin, proposal.Id, Now.AddHours(1));

        Assert.Equal(ProjectStatus.Labelled, project.Status);
        Assert.Equal(DecisionState.Confirmed, proposal.State);
        Assert.Equal((Agent, Admin), (proposal.ProposedByUserId, proposal.DecidedByUserId));
        Assert.Same(proposal, project.Label);
        Assert.Equal(Now.AddHours(1), project.LabelledAtUtc);
        Assert.True(project.HasActiveLabel(DateOnly.FromDateTime(Now)));
        Assert.Equal([CommitmentKind.Land, CommitmentKind.Expertise], proposal.Commitments.Select(c => c.Kind));
        Assert.Equal(Agent, proposal.Commitments[1].ReferentUserId);
        Assert.True(project.History[^1].IsPublic);
    }

    [Fact]
    public void AnAdminsProposal_IsTheDecision()
    {
        var project = InReview();

        var decision = project.ProposeDecline(_city, Admin, "Le terrain est classé en zone naturelle.", Now);

        Assert.Equal(ProjectStatus.Declined, project.Status);
        Assert.Equal(DecisionState.Confirmed, decision.State);
        Assert.Equal("Le terrain est classé en zone naturelle.", project.History[^1].Reason);
        Assert.True(project.History[^1].IsPublic);
    }

    [Fact]
    public void AnAdminRejectsAProposal_WithANote_AndTheProjectStaysInReview()
    {
        var project = InReview();
        var proposal = project.ProposeDecline(_city, Agent, "Hors compétence", Now);

        Assert.Throws<DomainException>(() => project.RejectProposal(_city, Admin, proposal.Id, " ", Now));
        Assert.Throws<DomainException>(() => project.RejectProposal(_city, Agent, proposal.Id, "Non", Now));
        project.RejectProposal(_city, Admin, proposal.Id, "Proposons plutôt un local.", Now);

        Assert.Equal((DecisionState.Rejected, ProjectStatus.InReview), (proposal.State, project.Status));
        Assert.Null(project.PendingProposal);
        Assert.Throws<DomainException>(() => project.ConfirmProposal(_city, Admin, proposal.Id, Now));
    }

    [Fact]
    public void ANewProposal_SupersedesThePendingOne()
    {
        var project = InReview();
        var first = project.ProposeDecline(_city, Agent, "Hors compétence", Now);

        var second = project.ProposeLabel(_city, Agent, ReviewKit.Terms(), Now);

        Assert.Equal(DecisionState.Superseded, first.State);
        Assert.Same(second, project.PendingProposal);
        Assert.Throws<DomainException>(() => project.ConfirmProposal(_city, Admin, first.Id - 1, Now));
    }

    [Theory]
    [InlineData(ProjectStatus.Submitted)]
    [InlineData(ProjectStatus.ChangesRequested)]
    [InlineData(ProjectStatus.Declined)]
    [InlineData(ProjectStatus.Withdrawn)]
    [InlineData(ProjectStatus.Labelled)]
    public void OnlyAProjectInReview_CanBeLabelledOrDeclined(ProjectStatus status)
    {
        var project = ProjectLifecycleTests.ProjectIn(status);
        var city = ProjectLifecycleTests.City;

        Assert.Throws<DomainException>(() => project.ProposeLabel(city, Admin, ReviewKit.Terms(), Now));
        Assert.Throws<DomainException>(() => project.ProposeDecline(city, Admin, "Motif", Now));
        Assert.Equal(status, project.Status);
    }

    [Fact]
    public void AProposalConfirmedAfterTheProjectWasWithdrawn_IsRefused()
    {
        var project = InReview();
        var proposal = project.ProposeLabel(_city, Agent, ReviewKit.Terms(), Now);
        project.Withdraw(Holder, "Nous abandonnons", Now);

        Assert.Throws<DomainException>(() => project.ConfirmProposal(_city, Admin, proposal.Id, Now));
        Assert.Equal(ProjectStatus.Withdrawn, project.Status);
        Assert.Null(project.LabelledAtUtc);
    }

    [Fact]
    public void Revoke_NeedsALabelAReasonAndAnAdmin_AndKeepsTheDecision()
    {
        var inReview = InReview();
        Assert.Throws<DomainException>(() => inReview.RevokeLabel(_city, Admin, "Motif", Now));

        var project = InReview();
        var label = project.ProposeLabel(_city, Admin, ReviewKit.Terms(), Now);
        Assert.Throws<DomainException>(() => project.RevokeLabel(_city, Admin, "", Now));
        Assert.Throws<DomainException>(() => project.RevokeLabel(_city, Agent, "Motif", Now));

        project.RevokeLabel(_city, Admin, "Le porteur a renoncé au terrain.", Now.AddDays(3));

        Assert.Equal(ProjectStatus.LabelRevoked, project.Status);
        Assert.Same(label, project.Label);
        Assert.Equal((Now.AddDays(3), "Le porteur a renoncé au terrain."), (label.RevokedAtUtc, label.RevokedReason));
        Assert.False(project.HasActiveLabel(DateOnly.FromDateTime(Now.AddDays(3))));
        Assert.True(project.History[^1].IsPublic);
        Assert.Throws<DomainException>(() => project.RevokeLabel(_city, Admin, "Encore", Now));
    }

    [Fact]
    public void ACityLateWithAPayment_StillLabels_ItIsOnlyWarned()
    {
        var project = InReview();
        _city.SetSubscriptionStatus(SubscriptionStatus.PastDue, Now);

        project.ProposeLabel(_city, Admin, ReviewKit.Terms(), Now);

        Assert.Equal(ProjectStatus.Labelled, project.Status);
        Assert.True(_city.CanLabelOrOpenCalls);
    }

    [Theory]
    [InlineData(SubscriptionStatus.Suspended, "suspendu")]
    [InlineData(SubscriptionStatus.Cancelled, "résilié")]
    public void ACityWhoseSubscriptionLapsed_CannotLabel_AndIsToldWhy(SubscriptionStatus status, string why)
    {
        var project = InReview();
        var proposal = project.ProposeLabel(_city, Agent, ReviewKit.Terms(), Now);
        _city.SetSubscriptionStatus(status, Now);

        var refusal = Assert.Throws<DomainException>(() => project.ProposeLabel(_city, Admin, ReviewKit.Terms(), Now));
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => project.ConfirmProposal(_city, Admin, proposal.Id, Now));
        Assert.Equal(ProjectStatus.InReview, project.Status);

        project.ProposeDecline(_city, Admin, "La ville ne peut pas s'engager cette année.", Now);
        Assert.Equal(ProjectStatus.Declined, project.Status);
    }

    [Fact]
    public void ALabel_WithAValidityEndDate_LapsesAfterIt_AndTheDateMustBeAhead()
    {
        var project = InReview();
        var today = DateOnly.FromDateTime(Now);

        Assert.Throws<DomainException>(() => project.ProposeLabel(_city, Admin, ReviewKit.Terms() with { ValidUntil = today }, Now));
        project.ProposeLabel(_city, Admin, ReviewKit.Terms() with { ValidUntil = today.AddDays(30), Conditions = "Bilan à six mois" }, Now);

        Assert.True(project.HasActiveLabel(today.AddDays(30)));
        Assert.False(project.HasActiveLabel(today.AddDays(31)));
        Assert.Equal("Bilan à six mois", project.Label!.Conditions);
    }

    public static TheoryData<CommitmentTerms[], string> BadCommitments() => new()
    {
        { [], "au moins un engagement" },
        { [new CommitmentTerms(CommitmentKind.Land, "Une parcelle", -1)], "négative" },
        { [new CommitmentTerms(CommitmentKind.Land, "Une parcelle", Commitment.MaxValueCents + 1)], "10 000 000" },
        { [new CommitmentTerms((CommitmentKind)99, "Inconnu")], "n'existe pas" },
        { [new CommitmentTerms(CommitmentKind.Land, "  ")], "Description de l'engagement" },
        { [new CommitmentTerms(CommitmentKind.Expertise, "Un agent")], "référent" },
        { [new CommitmentTerms(CommitmentKind.Expertise, "Un agent", ReferentUserId: ReviewKit.Outsider)], "équipe de la ville" },
        { [new CommitmentTerms(CommitmentKind.CoFinancing, "De l'argent")], "subvention fixe ou abondement" },
        { [new CommitmentTerms(CommitmentKind.CoFinancing, "Une subvention", CoFinancing: CoFinancingMode.Grant)], "montant de la subvention" },
        { [new CommitmentTerms(CommitmentKind.CoFinancing, "Une subvention", CoFinancing: CoFinancingMode.Grant, GrantCents: -5)], "négatif" },
        { [ReviewKit.Matchfunding(0, 500_000)], "taux" },
        { [ReviewKit.Matchfunding(-100, 500_000)], "taux" },
        { [ReviewKit.Matchfunding(null, 500_000)], "taux" },
        { [ReviewKit.Matchfunding(100, 0)], "plafond" },
        { [ReviewKit.Matchfunding(100, -1)], "plafond" },
        { [ReviewKit.Matchfunding(Matchfunding.MaxRatioPercent + 1, 500_000)], "taux" },
        { [ReviewKit.Matchfunding(100, 500_000), ReviewKit.Matchfunding(50, 100_000)], "un seul cofinancement" },
        { [.. Enumerable.Repeat(new CommitmentTerms(CommitmentKind.Other, "Un coup de main"), Commitment.MaxPerLabel + 1)], "plus de" },
    };

    [Theory]
    [MemberData(nameof(BadCommitments))]
    public void BadCommitments_AreRefusedWithAReason_AndNothingChanges(CommitmentTerms[] commitments, string reason)
    {
        var project = InReview();
        var history = project.History.Count;

        var refusal = Assert.Throws<DomainException>(() => project.ProposeLabel(_city, Admin, new LabelTerms(commitments, null, null), Now));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.InReview, project.Status);
        Assert.Empty(project.Decisions);
        Assert.Equal(history, project.History.Count);
    }

    [Fact]
    public void Commitments_KeepOnlyWhatTheirKindNeeds_AndCoFinancingCarriesItsValue()
    {
        var project = InReview();
        var label = project.ProposeLabel(_city, Admin, ReviewKit.Terms(
            new CommitmentTerms(CommitmentKind.Land, "Une parcelle", 100, ReferentUserId: Agent, MatchRatioPercent: 50),
            new CommitmentTerms(CommitmentKind.CoFinancing, "Subvention", CoFinancing: CoFinancingMode.Grant, GrantCents: 250_000)), Now);

        var land = label.Commitments[0];
        Assert.Equal((null, null, (int?)null), (land.ReferentUserId, land.CoFinancing, land.MatchRatioPercent));
        var grant = label.Commitments[1];
        Assert.Equal((250_000L, 250_000L), (grant.GrantCents!.Value, grant.EstimatedValueCents!.Value));
        Assert.Null(grant.Matchfunding);
    }

    [Theory]
    [InlineData(100, 500_000, 3_000, 0, 3_000)]
    [InlineData(100, 500_000, 3_000, 499_000, 1_000)]
    [InlineData(100, 500_000, 3_000, 500_000, 0)]
    [InlineData(50, 500_000, 1, 0, 0)]
    [InlineData(150, 500_000, 333, 0, 499)]
    [InlineData(200, 1_000, 2_000, 0, 1_000)]
    [InlineData(100, 500_000, 0, 0, 0)]
    [InlineData(100, 500_000, -100, 0, 0)]
    public void Matchfunding_AddsRatioTimesTheContribution_RoundedDown_UpToTheCap(int ratio, long cap, long contribution, long already, long expected)
    {
        var match = Matchfunding.Create(ratio, cap);

        Assert.Equal(expected, match.MatchFor(contribution, already));
    }

    private Project Draft()
    {
        var project = Project.StartDraft(_city.Id, Holder, "Parc de street-workout", Now);
        project.UpdateContent(Holder, "Parc de street-workout", "Des agrès en accès libre", "Un parc **ouvert à tous**.", ProjectCategory.Sport, null, Now);
        return project;
    }

    private Project Submitted()
    {
        var project = Draft();
        project.Submit(Holder, ModerationMode.PostModeration, Now);
        return project;
    }

    private Project InReview()
    {
        var project = Submitted();
        project.TakeIntoReview(_city, Agent, null, Now);
        return project;
    }
}
