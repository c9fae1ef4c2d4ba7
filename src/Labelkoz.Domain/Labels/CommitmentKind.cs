namespace Labelkoz.Domain.Labels;

/// <summary>
/// What a city can put behind a project: asked for by the holder when proposing, promised by the
/// city when it labels.
/// </summary>
public enum CommitmentKind
{
    Land = 1,
    Premises = 2,
    Equipment = 3,
    Communication = 4,
    Expertise = 5,
    CoFinancing = 6,
    Other = 7,
}
