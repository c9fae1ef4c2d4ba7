using System.ComponentModel.DataAnnotations;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Calls;

/// <summary>The call as the application page shows it.</summary>
public sealed record ApplyCallView(long Id, string Title, CallStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc, bool AcceptsIndividuals, bool AcceptsAssociations, bool AcceptsCompanies);

/// <summary>A question of the call, in its order.</summary>
public sealed record ApplyQuestion(long Id, string Label, string? Help, QuestionKind Kind, bool IsRequired);

/// <summary>The person's own application to the call.</summary>
public sealed record MyApplication(long Id, ApplicationStatus Status, long Version, HolderType HolderType, string? OrganisationName, string? Rna, string? Siren, string ProjectTitle, string? Summary, DateTime? SubmittedAtUtc);

/// <summary>An answer already saved (a file by its name).</summary>
public sealed record SavedAnswer(long QuestionId, string? Text, decimal? Number, bool? YesNo, string? FileName);

/// <summary>The application's own fields as typed (<c>Input.*</c>); the answers are read by question.</summary>
public sealed class ApplyInput
{
    [Display(Name = "Qui candidate")]
    public HolderType? HolderType { get; set; }

    [StringLength(Project.OrganisationNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Nom de la structure")]
    public string? OrganisationName { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Numéro RNA")]
    public string? Rna { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Numéro SIREN")]
    public string? Siren { get; set; }

    [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
    [StringLength(CallApplication.TitleMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Titre du projet")]
    public string? ProjectTitle { get; set; }

    [StringLength(CallApplication.SummaryMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Résumé du projet")]
    public string? Summary { get; set; }

    public long? Version { get; set; }
}
