using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Projects;

public sealed class ProjectLifecycleTests
{
    private const long Holder = 10;
    private const long Staff = 20;
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>The city of the tests' projects, with <see cref="Staff"/> as its admin.</summary>
    internal static readonly Municipality City = ReviewKit.City(Staff);

    /// <summary>DESIGN §3, written out by hand: the test does not derive it from the code it checks.</summary>
    private static readonly HashSet<(ProjectStatus From, ProjectStatus To)> Allowed =
    [
        (ProjectStatus.Draft, ProjectStatus.Submitted),
        (ProjectStatus.Draft, ProjectStatus.Withdrawn),
        (ProjectStatus.Submitted, ProjectStatus.InReview),
        (ProjectStatus.Submitted, ProjectStatus.Withdrawn),
        (ProjectStatus.InReview, ProjectStatus.Labelled),
        (ProjectStatus.InReview, ProjectStatus.Declined),
        (ProjectStatus.InReview, ProjectStatus.ChangesRequested),
        (ProjectStatus.InReview, ProjectStatus.Withdrawn),
        (ProjectStatus.ChangesRequested, ProjectStatus.Submitted),
        (ProjectStatus.ChangesRequested, ProjectStatus.Withdrawn),
        (ProjectStatus.Labelled, ProjectStatus.Funding),
        (ProjectStatus.Submitted, ProjectStatus.Funding),
        (ProjectStatus.Labelled, ProjectStatus.Withdrawn),
        (ProjectStatus.Labelled, ProjectStatus.LabelRevoked),
        (ProjectStatus.Funding, ProjectStatus.Funded),
        (ProjectStatus.Funding, ProjectStatus.NotFunded),
        (ProjectStatus.Funded, ProjectStatus.InProgress),
        (ProjectStatus.InProgress, ProjectStatus.Completed),
    ];

    private static readonly Dictionary<ProjectStatus, Action<Project>> MoveTo = new()
    {
        [ProjectStatus.Submitted] = p => p.Submit(Holder, ModerationMode.PostModeration, Now),
        [ProjectStatus.InReview] = p => p.TakeIntoReview(City, Staff, null, Now),
        [ProjectStatus.ChangesRequested] = p => p.RequestChanges(City, Staff, "Précisez le budget.", Now),
        [ProjectStatus.Labelled] = p => p.ProposeLabel(City, Staff, ReviewKit.Terms(), Now),
        [ProjectStatus.Declined] = p => p.ProposeDecline(City, Staff, "Hors compétence de la ville.", Now),
        [ProjectStatus.LabelRevoked] = p => p.RevokeLabel(City, Staff, "Le terrain n'est plus disponible.", Now),
        [ProjectStatus.Funding] = p => p.LaunchFunding(Holder, Now),
        [ProjectStatus.Funded] = p => p.CloseFunding(goalReached: true, Now),
        [ProjectStatus.NotFunded] = p => p.CloseFunding(goalReached: false, Now),
        [ProjectStatus.InProgress] = p => p.StartWork(Holder, Now),
        [ProjectStatus.Completed] = p => p.Complete(Holder, Now),
        [ProjectStatus.Withdrawn] = p => p.Withdraw(Holder, null, Now),
    };

    public static TheoryData<ProjectStatus, ProjectStatus> EveryPair()
    {
        var data = new TheoryData<ProjectStatus, ProjectStatus>();
        foreach (var from in Enum.GetValues<ProjectStatus>())
        {
            foreach (var to in Enum.GetValues<ProjectStatus>().Where(s => s != ProjectStatus.Draft))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryMove_IsAllowedExactlyWhenTheDesignSaysSo(ProjectStatus from, ProjectStatus to)
    {
        var project = ProjectIn(from);
        var allowed = Allowed.Contains((from, to));

        Assert.Equal(allowed, ProjectLifecycle.CanMove(from, to));
        if (allowed)
        {
            MoveTo[to](project);
            Assert.Equal(to, project.Status);
            var last = project.History[^1];
            Assert.Equal((from, to), (last.FromStatus, last.ToStatus));
            Assert.Equal(Now, last.AtUtc);
        }
        else
        {
            var historyBefore = project.History.Count;
            Assert.Throws<DomainException>(() => MoveTo[to](project));
            Assert.Equal(from, project.Status);
            Assert.Equal(historyBefore, project.History.Count);
        }
    }

    [Theory]
    [InlineData(ProjectStatus.Draft)]
    [InlineData(ProjectStatus.Submitted)]
    [InlineData(ProjectStatus.ChangesRequested)]
    public void HolderMoves_BySomeoneElse_AreRefused(ProjectStatus from)
    {
        var project = ProjectIn(from);

        Assert.Throws<DomainException>(() => project.Withdraw(Holder + 1, null, Now));
        Assert.Throws<DomainException>(() => project.UpdateContent(Holder + 1, "Autre titre", "Résumé", "Texte", ProjectCategory.Sport, null, Now));
        Assert.Equal(from, project.Status);
    }

    [Theory]
    [InlineData(ProjectStatus.Funding)]
    [InlineData(ProjectStatus.Funded)]
    [InlineData(ProjectStatus.InProgress)]
    public void Withdraw_OnceMoneyIsInvolved_IsRefusedWithAReason(ProjectStatus from)
    {
        var project = ProjectIn(from);

        var refusal = Assert.Throws<DomainException>(() => project.Withdraw(Holder, null, Now));

        Assert.Contains("financement", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_WithoutSummaryDescriptionOrCategory_SaysWhatIsMissing()
    {
        var project = Project.StartDraft(1, Holder, "Parc de street-workout", Now);

        var refusal = Assert.Throws<DomainException>(() => project.Submit(Holder, ModerationMode.PostModeration, Now));

        Assert.Contains("un résumé, une description, une catégorie", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Draft, project.Status);
    }

    [Fact]
    public void Submit_UnderPostModeration_PublishesAtOnce()
    {
        var project = ProjectIn(ProjectStatus.Draft);

        project.Submit(Holder, ModerationMode.PostModeration, Now);

        Assert.True(project.IsPublic);
        Assert.Equal(Now, project.PublishedAtUtc);
    }

    [Fact]
    public void Submit_UnderPreModeration_WaitsForStaffToPublish()
    {
        var project = ProjectIn(ProjectStatus.Draft);

        project.Submit(Holder, ModerationMode.PreModeration, Now);
        Assert.False(project.IsPublic);
        Assert.False(project.AcceptsParticipation);

        project.Publish(Staff, Now.AddHours(2));
        Assert.True(project.IsPublic);
        Assert.Throws<DomainException>(() => project.Publish(Staff, Now.AddHours(3)));
    }

    [Fact]
    public void Resubmission_AfterChangesRequested_IsRecordedAsSuch()
    {
        var project = ProjectIn(ProjectStatus.ChangesRequested);

        project.UpdateContent(Holder, "Parc de street-workout (v2)", "Résumé revu", "Texte revu", ProjectCategory.Sport, null, Now);
        project.Submit(Holder, ModerationMode.PostModeration, Now);

        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Equal(ProjectAction.Resubmitted, project.History[^1].Action);
    }

    [Theory]
    [InlineData(ProjectStatus.Draft, true)]
    [InlineData(ProjectStatus.Submitted, true)]
    [InlineData(ProjectStatus.ChangesRequested, true)]
    [InlineData(ProjectStatus.InReview, false)]
    [InlineData(ProjectStatus.Labelled, false)]
    [InlineData(ProjectStatus.Withdrawn, false)]
    [InlineData(ProjectStatus.Declined, false)]
    public void Editing_IsOpenBeforeReviewAndWhenChangesAreRequested(ProjectStatus status, bool editable)
    {
        var project = ProjectIn(status);

        void Edit() => project.UpdateContent(Holder, "Nouveau titre", "Résumé", "Texte", ProjectCategory.Culture, null, Now);

        if (editable)
        {
            Edit();
            Assert.Equal("Nouveau titre", project.Title);
        }
        else
        {
            Assert.Throws<DomainException>(Edit);
        }
    }

    [Fact]
    public void HideAndUnhide_NeedAReasonAndAreRecordedForStaffOnly()
    {
        var project = ProjectIn(ProjectStatus.Submitted);

        Assert.Throws<DomainException>(() => project.Hide(Staff, "", Now));
        project.Hide(Staff, "Propos injurieux", Now);
        Assert.False(project.IsPublic);
        Assert.Throws<DomainException>(() => project.Hide(Staff, "Encore", Now));
        project.Unhide(Staff, "Corrigé par le porteur", Now);
        Assert.True(project.IsPublic);
        Assert.All(project.History.Where(e => e.Action is ProjectAction.Hidden or ProjectAction.Unhidden), e => Assert.False(e.IsPublic));
    }

    internal static Project ProjectIn(ProjectStatus status)
    {
        var project = Project.StartDraft(City.Id, Holder, "Parc de street-workout", Now);
        project.UpdateContent(Holder, "Parc de street-workout", "Des agrès en accès libre", "Un parc **ouvert à tous**.", ProjectCategory.Sport, null, Now);
        var path = status switch
        {
            ProjectStatus.Draft => [],
            ProjectStatus.Submitted => [ProjectStatus.Submitted],
            ProjectStatus.InReview => [ProjectStatus.Submitted, ProjectStatus.InReview],
            ProjectStatus.ChangesRequested => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.ChangesRequested],
            ProjectStatus.Labelled => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled],
            ProjectStatus.Declined => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Declined],
            ProjectStatus.Funding => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled, ProjectStatus.Funding],
            ProjectStatus.Funded => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled, ProjectStatus.Funding, ProjectStatus.Funded],
            ProjectStatus.NotFunded => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled, ProjectStatus.Funding, ProjectStatus.NotFunded],
            ProjectStatus.InProgress => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled, ProjectStatus.Funding, ProjectStatus.Funded, ProjectStatus.InProgress],
            ProjectStatus.Completed => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled, ProjectStatus.Funding, ProjectStatus.Funded, ProjectStatus.InProgress, ProjectStatus.Completed],
            ProjectStatus.Withdrawn => new[] { ProjectStatus.Withdrawn },
            ProjectStatus.LabelRevoked => [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.Labelled, ProjectStatus.LabelRevoked],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
        {
            MoveTo[step](project);
        }

        Assert.Equal(status, project.Status);
        return project;
    }
}
