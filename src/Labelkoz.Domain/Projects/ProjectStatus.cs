namespace Labelkoz.Domain.Projects;

public enum ProjectStatus
{
    Draft = 1,
    Submitted = 2,
    InReview = 3,
    ChangesRequested = 4,
    Labelled = 5,
    Declined = 6,
    Funding = 7,
    Funded = 8,
    NotFunded = 9,
    InProgress = 10,
    Completed = 11,
    Withdrawn = 12,

    /// <summary>The city withdrew its label (with a public reason). Final.</summary>
    LabelRevoked = 13,
}

public enum ProjectCategory
{
    Sport = 1,
    Culture = 2,
    Environment = 3,
    Solidarity = 4,
    Mobility = 5,
    Education = 6,
    Urbanism = 7,
    Economy = 8,
    Health = 9,
    Other = 10,
}

public enum HolderType
{
    Individual = 1,
    Association = 2,
    Company = 3,
    Municipality = 4,
}
