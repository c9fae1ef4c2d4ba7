using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Funding;

namespace Labelkoz.Domain.Tests.Projects;

/// <summary>Every rule of a project — content, lifecycle, review, decisions, tax receipts — met with its code and field.</summary>
public sealed class ProjectRuleTests
{
    private const long Holder = FundingKit.Holder;
    private const long Admin = FundingKit.Admin;
    private const long Agent = ReviewKit.Agent;
    private static readonly DateTime Now = FundingKit.Now;

    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(ProjectRefusals.UnknownCategory, () => Draft().UpdateContent(Holder, "Parc", null, null, (ProjectCategory)99, null, Now)),
        RuleCase.Thrown(ProjectRefusals.NeighbourhoodOfAnotherCity, () => Draft().UpdateContent(Holder, "Parc", null, null, null, FundingKit.WithId(Municipality.Create("Bagnolet", "bagnolet", "93006", 36_000, Now), 2).AddNeighbourhood("Centre", Now), Now)),
        RuleCase.Thrown(ProjectRefusals.CoordinatesIncomplete, () => Draft().UpdateLocation(Holder, null, 48.86, null, Now)),
        RuleCase.Thrown(ProjectRefusals.LatitudeOutOfRange, () => Draft().UpdateLocation(Holder, null, 91, 2.44, Now)),
        RuleCase.Thrown(ProjectRefusals.LongitudeOutOfRange, () => Draft().UpdateLocation(Holder, null, 48.86, 181, Now)),
        RuleCase.Thrown(ProjectRefusals.HolderCannotBeCity, () => Draft().UpdateHolder(Holder, HolderType.Municipality, null, null, null, Now)),
        RuleCase.Thrown(ProjectRefusals.UnknownHolderType, () => Draft().UpdateHolder(Holder, (HolderType)9, null, null, null, Now)),
        RuleCase.Thrown(ProjectRefusals.BudgetLineNotPositive, () => Draft().ReplaceBudget(Holder, [("Agrès", 0)], Now)),
        RuleCase.Thrown(ProjectRefusals.BudgetLineTooLarge, () => Draft().ReplaceBudget(Holder, [("Agrès", Project.MaxBudgetLineCents + 1)], Now)),
        RuleCase.Thrown(ProjectRefusals.TooManyBudgetLines, () => Draft().ReplaceBudget(Holder, Enumerable.Range(0, Project.MaxBudgetLines + 1).Select(i => ((string?)$"Poste {i}", 100L)), Now)),
        RuleCase.Thrown(ProjectRefusals.UnknownSupportKind, () => Draft().ReplaceRequestedSupport(Holder, [((CommitmentKind)99, null)], Now)),
        RuleCase.Thrown(ProjectRefusals.SupportAskedTwice, () => Draft().ReplaceRequestedSupport(Holder, [(CommitmentKind.Land, null), (CommitmentKind.Land, "encore")], Now)),
        RuleCase.Thrown(ProjectRefusals.TooManyImages, () => WithImages(Project.MaxImages + 1)),
        RuleCase.Thrown(ProjectRefusals.UnknownImage, () => Draft().RemoveImage(Holder, 999, Now)),
        RuleCase.Thrown(ProjectRefusals.IncompleteForSubmission, () => Draft().Submit(Holder, ModerationMode.PostModeration, Now)),
        RuleCase.Thrown(ProjectRefusals.DraftCannotBePublished, () => Draft().Publish(Admin, Now)),
        RuleCase.Thrown(ProjectRefusals.AlreadyPublished, () => Submitted().Project.Publish(Admin, Now)),
        RuleCase.Thrown(ProjectRefusals.NotAssignableInStatus, () => Act(Drafted, (city, p) => p.Assign(city, Admin, Admin, Now))),
        RuleCase.Thrown(ProjectRefusals.AlreadyAssignedSo, () => Act(Submitted, (city, p) => p.Assign(city, Admin, null, Now))),
        RuleCase.Thrown(ProjectRefusals.OwnProjectDecided, () => Act(InReview, (city, p) =>
        {
            city.GrantRole(Holder, StaffRole.Admin, Now);
            p.ProposeLabel(city, Holder, ReviewKit.Terms(), Now);
        })),
        RuleCase.Thrown(ProjectRefusals.OwnProjectAssigned, "AssigneeId", () => Act(Submitted, (city, p) =>
        {
            city.GrantRole(Holder, StaffRole.Agent, Now);
            p.TakeIntoReview(city, Holder, null, Now);
        })),
        RuleCase.Thrown(ProjectRefusals.DraftNotYetSubmitted, () => Act(Drafted, (city, p) => p.AddNote(city, Admin, "Une note", Now))),
        RuleCase.Thrown(ProjectRefusals.LabelValidityInThePast, () => Act(InReview, (city, p) => p.ProposeLabel(city, Admin, ReviewKit.Terms() with { ValidUntil = DateOnly.FromDateTime(Now) }, Now))),
        RuleCase.Thrown(ProjectRefusals.NoLabelToRevoke, () => Act(InReview, (city, p) => p.RevokeLabel(city, Admin, "Le chantier n'a pas commencé.", Now))),
        RuleCase.Thrown(ProjectRefusals.AssociationReceiptsInCommuneName, () => Act(Drafted, (city, p) =>
        {
            p.UpdateHolder(Holder, HolderType.Association, "Les Amis du parc", "W931234567", null, Now);
            p.AllowTaxReceipts(city, Admin, Issuer(ReceiptQuality.Municipality), Now);
        })),
        RuleCase.Asked(ProjectRefusals.CityReceiptsNotInCommuneName, () => Project.WhyNoTaxReceipts(HolderType.Municipality, ReceiptQuality.GeneralInterest)),
        RuleCase.Thrown(ProjectRefusals.HolderGivesNoReceipts, () => Act(Drafted, (city, p) => p.AllowTaxReceipts(city, Admin, Issuer(ReceiptQuality.GeneralInterest), Now))),
        RuleCase.Thrown(ProjectRefusals.ReceiptsNotOpen, () => Act(Drafted, (city, p) => p.StopTaxReceipts(city, Admin, Now))),
        RuleCase.Thrown(ProjectRefusals.WithdrawalAfterFunding, () =>
        {
            var kit = new FundingKit();
            kit.Live();
            kit.Project.Withdraw(Holder, null, Now);
        }),
        RuleCase.Thrown(ProjectRefusals.AlreadyHidden, () =>
        {
            var project = Draft();
            project.Hide(Admin, "Propos injurieux.", Now);
            project.Hide(Admin, "Propos injurieux.", Now);
        }),
        RuleCase.Thrown(ProjectRefusals.NotHidden, () => Draft().Unhide(Admin, "Rétabli.", Now)),
        RuleCase.Thrown(ProjectRefusals.OfAnotherCity, () => Draft().TakeIntoReview(FundingKit.WithId(ReviewKit.City(Admin), 2), Admin, null, Now)),
        RuleCase.Thrown(ProjectRefusals.StaffOnly, () => Act(Submitted, (city, p) => p.TakeIntoReview(city, ReviewKit.Outsider, null, Now))),
        RuleCase.Thrown(ProjectRefusals.AssigneeNotStaff, () => Act(Submitted, (city, p) => p.TakeIntoReview(city, Admin, ReviewKit.Outsider, Now))),
        RuleCase.Thrown(ProjectRefusals.NotInReview, () => Act(Submitted, (city, p) => p.ProposeDecline(city, Admin, "Hors sujet.", Now))),
        RuleCase.Thrown(ProjectRefusals.ProposalNoLongerPending, () => Act(InReview, (city, p) => p.ConfirmProposal(city, Admin, 999, Now))),
        RuleCase.Thrown(ProjectRefusals.ExchangesClosed, () => Draft().WriteToCity(Holder, "Bonjour", Now)),
        RuleCase.Thrown(ProjectRefusals.HolderOnly, () => Draft().Submit(Holder + 1, ModerationMode.PostModeration, Now)),
        RuleCase.Thrown(ProjectRefusals.NotEditableInStatus, () => InReview().Project.UpdateContent(Holder, "Parc", null, null, null, null, Now)),
        RuleCase.Thrown(ProjectRefusals.ConfirmProposalAdminOnly, () => Act(InReview, (city, p) => p.ConfirmProposal(city, Agent, 0, Now))),
        RuleCase.Thrown(ProjectRefusals.RejectProposalAdminOnly, () => Act(InReview, (city, p) => p.RejectProposal(city, Agent, 0, "Non.", Now))),
        RuleCase.Thrown(ProjectRefusals.RevokeLabelAdminOnly, () => Act(Labelled, (city, p) => p.RevokeLabel(city, Agent, "Motif.", Now))),
        RuleCase.Thrown(ProjectRefusals.OpenReceiptsAdminOnly, () => Act(Drafted, (city, p) => p.AllowTaxReceipts(city, Agent, Issuer(ReceiptQuality.GeneralInterest), Now))),
        RuleCase.Thrown(ProjectRefusals.CloseReceiptsAdminOnly, () => Act(Drafted, (city, p) => p.StopTaxReceipts(city, Agent, Now))),
        RuleCase.Thrown(ProjectRefusals.ImpossibleMove, () => Draft().StartWork(Holder, Now)),
        RuleCase.Thrown(ProjectRefusals.NoLongerSupportable, () => new ProjectSupport(Draft(), 42, Now)),
        RuleCase.Thrown(ProjectRefusals.NotPublic, () => new ProjectFollow(Draft(), 42, Now)),

        RuleCase.Thrown(TextRefusals.Required, "Title", () => Project.StartDraft(1, Holder, " ", Now)),
        RuleCase.Thrown(TextRefusals.TooLong, "Summary", () => Draft().UpdateContent(Holder, "Parc", new string('a', Project.SummaryMaxLength + 1), null, null, null, Now)),
        RuleCase.Thrown(TextRefusals.Required, "OrganisationName", () => Draft().UpdateHolder(Holder, HolderType.Association, null, "W931234567", null, Now)),
        RuleCase.Thrown(IdentifierRefusals.RnaMalformed, () => Draft().UpdateHolder(Holder, HolderType.Association, "Les Amis du parc", "931234567", null, Now)),
        RuleCase.Thrown(TextRefusals.Required, "Lines", () => Draft().ReplaceBudget(Holder, [(" ", 100)], Now)),
        RuleCase.Thrown(TextRefusals.Required, "AltText", () => Draft().AddImage(Holder, "k", "image/png", " ", Now)),
        RuleCase.Thrown(TextRefusals.Required, "Reason", () => Draft().Hide(Admin, null, Now)),
        RuleCase.Thrown(TextRefusals.Required, "Message", () => Act(Submitted, (city, p) => p.RequestChanges(city, Admin, " ", Now))),
        RuleCase.Thrown(TextRefusals.Required, "Note", () => Act(InReview, (city, p) =>
        {
            var proposal = p.ProposeDecline(city, Agent, "Hors sujet.", Now);
            p.RejectProposal(city, Admin, proposal.Id, " ", Now);
        })),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfAProject_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    [Theory]
    //          published, hidden, status,                       public
    [InlineData(true, false, ProjectStatus.Submitted, true)]
    [InlineData(true, false, ProjectStatus.Funding, true)]
    [InlineData(true, false, ProjectStatus.Declined, true)]
    [InlineData(false, false, ProjectStatus.Submitted, false)]
    [InlineData(true, true, ProjectStatus.Submitted, false)]
    [InlineData(true, false, ProjectStatus.Draft, false)]
    [InlineData(false, true, ProjectStatus.Draft, false)]
    public void AProject_IsPublic_WhenPublishedNotHiddenAndNotADraft_AlikeInQueriesAndInMemory(bool published, bool hidden, ProjectStatus status, bool expected)
    {
        DateTime? publishedAt = published ? Now : null;
        DateTime? hiddenAt = hidden ? Now : null;

        Assert.Equal(expected, Project.IsPublicFrom(publishedAt, hiddenAt, status));

        var project = Draft();
        typeof(Project).GetProperty(nameof(Project.PublishedAtUtc))!.SetValue(project, publishedAt);
        typeof(Project).GetProperty(nameof(Project.HiddenAtUtc))!.SetValue(project, hiddenAt);
        typeof(Project).GetProperty(nameof(Project.Status))!.SetValue(project, status);
        Assert.Equal(expected, project.IsPublic);
        Assert.Equal(expected, Project.PublicRule.Compile()(project));
    }

    [Fact]
    public void ThePublicRule_ReadsTheProjectsOwnColumns_SoQueriesTranslateItAsBefore()
    {
        System.Linq.Expressions.Expression<Func<Project, bool>> asWritten = p => p.PublishedAtUtc != null && p.HiddenAtUtc == null && p.Status != ProjectStatus.Draft;

        Assert.Equal(asWritten.ToString(), Project.PublicRule.ToString());
    }

    [Theory]
    [InlineData(HolderType.Association, true)]
    [InlineData(HolderType.Municipality, true)]
    [InlineData(HolderType.Individual, false)]
    [InlineData(HolderType.Company, false)]
    public void OnlyGiftsToAnAssociationOrToTheCity_MayGiveTaxReceipts(HolderType holder, bool expected)
    {
        Assert.Equal(expected, Project.MayGiveTaxReceipts(holder));
        Assert.Equal(expected, TaxReceipt.HolderIssuesReceipts(holder, issuesReceipts: true));
        Assert.False(TaxReceipt.HolderIssuesReceipts(holder, issuesReceipts: false));
    }

    [Theory]
    [InlineData(HolderType.Association, ReceiptQuality.GeneralInterest, null)]
    [InlineData(HolderType.Association, ReceiptQuality.PublicUtility, null)]
    [InlineData(HolderType.Association, ReceiptQuality.FoodOrCareAid, null)]
    [InlineData(HolderType.Association, ReceiptQuality.Municipality, "project.association-receipts-in-commune-name")]
    [InlineData(HolderType.Municipality, ReceiptQuality.Municipality, null)]
    [InlineData(HolderType.Municipality, ReceiptQuality.GeneralInterest, "project.city-receipts-not-in-commune-name")]
    [InlineData(HolderType.Individual, ReceiptQuality.GeneralInterest, "project.holder-gives-no-receipts")]
    [InlineData(HolderType.Company, ReceiptQuality.Municipality, "project.holder-gives-no-receipts")]
    public void WhoMayIssueAProjectsReceipts_DependsOnItsHolderAndTheQuality(HolderType holder, ReceiptQuality quality, string? code) =>
        Assert.Equal(code, Project.WhyNoTaxReceipts(holder, quality)?.Code);

    private static ReceiptIssuer Issuer(ReceiptQuality quality) =>
        ReceiptIssuer.Create("Les Amis du parc", "219300480", "1 place Jean-Jaurès\n93100 Montreuil", "Animer le parc", quality, "Jeanne Martin", "Présidente");

    private static Municipality City() => FundingKit.WithId(ReviewKit.City(Admin), 1);

    private static Project Draft() => Draft(City()).Project;

    private static (Municipality City, Project Project) Draft(Municipality city) =>
        (city, FundingKit.WithId(Project.StartDraft(city.Id, Holder, "Parc de street-workout", Now), 5));

    private static (Municipality City, Project Project) Drafted() => Draft(City());

    private static (Municipality City, Project Project) Submitted()
    {
        var (city, project) = Draft(City());
        project.UpdateContent(Holder, "Parc de street-workout", "Des agrès en accès libre", "Un parc ouvert à tous.", ProjectCategory.Sport, null, Now);
        project.Submit(Holder, ModerationMode.PostModeration, Now);
        return (city, project);
    }

    private static (Municipality City, Project Project) InReview()
    {
        var (city, project) = Submitted();
        project.TakeIntoReview(city, Admin, null, Now);
        return (city, project);
    }

    private static (Municipality City, Project Project) Labelled()
    {
        var (city, project) = InReview();
        project.ProposeLabel(city, Admin, ReviewKit.Terms(), Now);
        return (city, project);
    }

    private static void Act(Func<(Municipality City, Project Project)> state, Action<Municipality, Project> act)
    {
        var (city, project) = state();
        act(city, project);
    }

    private static void WithImages(int count)
    {
        var project = Draft();
        for (var i = 0; i < count; i++)
        {
            project.AddImage(Holder, $"images/{i}.png", "image/png", $"Vue {i} du parc", Now);
        }
    }
}
