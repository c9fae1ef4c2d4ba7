namespace Labelkoz.Web.Features.Projects.Propose;

public enum ProposeStep
{
    Edit,
    Images,
    Submit,
}

/// <summary>What the step navigation of the holder's pages needs.</summary>
public sealed record ProposeSteps(string CitySlug, long ProjectId, int ImageCount, ProposeStep Current);
