using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;

namespace Labelkoz.Web.Tests.Projects.Propose;

/// <summary>The names of categories, holder types, kinds of support, history steps and statuses are shown through the localizer: each needs its English.</summary>
public sealed class ProjectLabelsTests
{
    [Fact]
    public void EveryLabel_IsFrench_Distinct_AndTranslated()
    {
        var english = new JsonStringLocalizerFactory().Translations("en");
        var groups = new[]
        {
            Enum.GetValues<ProjectCategory>().Select(ProjectLabels.Category).ToList(),
            Enum.GetValues<HolderType>().Select(ProjectLabels.Holder).ToList(),
            Enum.GetValues<CommitmentKind>().Select(ProjectLabels.Commitment).ToList(),
            Enum.GetValues<ProjectAction>().Select(ProjectLabels.Action).ToList(),
        };

        foreach (var labels in groups)
        {
            Assert.Equal(labels.Count, labels.Distinct().Count());
            Assert.All(labels, label => Assert.True(english.ContainsKey(label), $"No English for « {label} »."));
        }

        Assert.Equal("Urbanisme et cadre de vie", ProjectLabels.Category(ProjectCategory.Urbanism));
        Assert.Equal("Accompagnement par un agent", ProjectLabels.Commitment(CommitmentKind.Expertise));
        Assert.Equal("La ville", ProjectLabels.Holder(HolderType.Municipality));
        Assert.Equal("Label retiré par la ville", ProjectLabels.Action(ProjectAction.LabelRevoked));
        Assert.All(Enum.GetValues<ProjectStatus>().Select(ProjectLifecycle.Label), label => Assert.True(english.ContainsKey(label), $"No English for « {label} »."));
    }
}
