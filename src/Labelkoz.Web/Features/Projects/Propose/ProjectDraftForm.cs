using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// The holder's project form as typed (<c>Input.*</c>), and the reading of what the domain takes
/// in its own types: coordinates, budget amounts in euros, the supports ticked. The project's
/// rules are the domain's (<see cref="Project"/>), checked when the sections are applied.
/// </summary>
public sealed class ProjectDraftForm
{
    public long Version { get; set; }

    [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
    [StringLength(Project.TitleMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [NoControlCharacters]
    [Display(Name = "Titre")]
    public string? Title { get; set; }

    [StringLength(Project.SummaryMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [NoControlCharacters]
    [Display(Name = "Résumé")]
    public string? Summary { get; set; }

    [StringLength(Project.DescriptionMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Catégorie")]
    public ProjectCategory? Category { get; set; }

    [Display(Name = "Quartier")]
    public long? NeighbourhoodId { get; set; }

    [StringLength(Project.AddressMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [NoControlCharacters]
    [Display(Name = "Adresse")]
    public string? Address { get; set; }

    [StringLength(40, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Latitude")]
    public string? Latitude { get; set; }

    [StringLength(40, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Longitude")]
    public string? Longitude { get; set; }

    [Display(Name = "Type de porteur")]
    public HolderType HolderType { get; set; } = HolderType.Individual;

    [StringLength(Project.OrganisationNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [NoControlCharacters]
    [Display(Name = "Nom de la structure")]
    public string? OrganisationName { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Numéro RNA")]
    public string? Rna { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Numéro SIREN")]
    public string? Siren { get; set; }

    public List<BudgetLineInput> Lines { get; set; } = [];

    public List<SupportInput> Supports { get; set; } = [];

    /// <summary>A coordinate typed with a comma or a point; whether it is on Earth is the domain's to say.</summary>
    public static double? ReadCoordinate(ModelStateDictionary modelState, IStringLocalizer l, string? text, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        var value = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Count(c => c is ',' or '.') <= 1
            && double.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var coordinate)
            && double.IsFinite(coordinate))
        {
            return coordinate;
        }

        modelState.AddModelError(key, l["Saisissez un nombre décimal, par exemple 48,8566."]);
        return null;
    }

    /// <summary>The budget's filled rows, each amount read in euros; a row's reason is shown on the row.</summary>
    public List<(string? Label, long AmountCents)> ReadBudget(ModelStateDictionary modelState, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        var lines = new List<(string? Label, long AmountCents)>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var labelKey = $"Input.Lines[{i}].Label";
            var amountKey = $"Input.Lines[{i}].Amount";
            if (string.IsNullOrWhiteSpace(line.Label))
            {
                modelState.AddModelError(labelKey, l["Indiquez à quoi correspond ce montant."]);
            }

            if (string.IsNullOrWhiteSpace(line.Amount))
            {
                modelState.AddModelError(amountKey, l["Indiquez le montant de ce poste."]);
                continue;
            }

            if (!MoneyInput.TryParseCents(line.Amount, out var cents, out var error))
            {
                modelState.AddModelError(amountKey, l.Explain(error));
            }
            else if (cents == 0)
            {
                modelState.AddModelError(amountKey, l["Le montant doit être supérieur à zéro."]);
            }
            else if (cents > Project.MaxBudgetLineCents)
            {
                modelState.AddModelError(amountKey, l["Un poste ne peut pas dépasser {0} : vérifiez la saisie.", MoneyInput.Format(Project.MaxBudgetLineCents, CultureInfo.CurrentCulture)]);
            }
            else
            {
                lines.Add((line.Label, cents));
            }
        }

        return lines;
    }

    /// <summary>The supports asked for, with their details; details without the box ticked are refused.</summary>
    public List<(CommitmentKind Kind, string? Details)> ReadSupports(ModelStateDictionary modelState, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        var supports = new List<(CommitmentKind Kind, string? Details)>();
        for (var i = 0; i < Supports.Count; i++)
        {
            var support = Supports[i];
            if (support.Selected)
            {
                supports.Add((support.Kind, support.Details));
            }
            else if (!string.IsNullOrWhiteSpace(support.Details))
            {
                modelState.AddModelError($"Input.Supports[{i}].Details", l["Cochez la case pour demander ce soutien, ou effacez ces précisions."]);
            }
        }

        return supports;
    }
}

public sealed class BudgetLineInput
{
    [StringLength(Project.BudgetLabelMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [NoControlCharacters]
    [Display(Name = "Poste de dépense")]
    public string? Label { get; set; }

    [StringLength(40, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Montant")]
    public string? Amount { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Amount);
}

public sealed class SupportInput
{
    public CommitmentKind Kind { get; set; }

    public bool Selected { get; set; }

    [StringLength(RequestedSupport.DetailsMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [NoControlCharacters]
    [Display(Name = "Précisions")]
    public string? Details { get; set; }
}
