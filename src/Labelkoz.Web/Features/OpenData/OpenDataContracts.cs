using System.ComponentModel;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.OpenData;

// The shapes of the open-data API. Public data only: no e-mail, no postal address of a person and
// no account id ever appears here. The descriptions end up in the OpenAPI document.

[Description("Une ville membre de la plateforme.")]
public sealed record MunicipalityResponse(
    [property: Description("Nom de la collectivité.")] string Name,
    [property: Description("Identifiant de la ville dans les adresses (par exemple « montreuil »).")] string Slug,
    [property: Description("Code officiel géographique INSEE de la commune (5 caractères).")] string InseeCode,
    [property: Description("Population légale.")] int Population,
    [property: Description("Nombre de projets publics de la ville.")] int PublicProjectsCount,
    [property: Description("Les quartiers de la ville, dans lesquels les projets sont situés.")] IReadOnlyList<NeighbourhoodResponse> Neighbourhoods,
    [property: Description("Adresses utiles pour cette ville.")] MunicipalityLinks Links);

[Description("Adresses absolues liées à une ville.")]
public sealed record MunicipalityLinks(
    [property: Description("Cette ville dans l'API.")] string Self,
    [property: Description("Les projets publics de la ville dans l'API.")] string Projects,
    [property: Description("Le site public de la ville.")] string Site);

[Description("Un quartier d'une ville.")]
public sealed record NeighbourhoodResponse(
    [property: Description("Identifiant du quartier (filtre « neighbourhood » de la liste des projets).")] long Id,
    [property: Description("Nom du quartier.")] string Name);

[Description("Une page de résultats.")]
public sealed record ProjectPageResponse(
    [property: Description("Les projets de la page, du plus récemment publié au plus ancien.")] IReadOnlyList<ProjectResponse> Items,
    [property: Description("Numéro de la page (à partir de 1).")] int Page,
    [property: Description("Nombre maximal de projets par page.")] int PageSize,
    [property: Description("Nombre total de projets qui répondent aux filtres.")] int TotalCount,
    [property: Description("Nombre total de pages.")] int TotalPages);

[Description("Un projet citoyen public.")]
public sealed record ProjectResponse(
    [property: Description("Identifiant du projet.")] long Id,
    [property: Description("Identifiant de la ville (slug) à laquelle le projet est proposé.")] string MunicipalitySlug,
    [property: Description("Titre.")] string Title,
    [property: Description("Résumé.")] string? Summary,
    [property: Description("Description, en Markdown (texte source, non interprété).")] string? Description,
    [property: Description("Catégorie.")] ProjectCategory? Category,
    [property: Description("Quartier du projet.")] NeighbourhoodResponse? Neighbourhood,
    [property: Description("Étape du projet.")] ProjectStatus Status,
    [property: Description("Lieu du projet tel que le porteur l'a rendu public.")] string? Address,
    [property: Description("Latitude du lieu du projet (WGS 84).")] double? Latitude,
    [property: Description("Longitude du lieu du projet (WGS 84).")] double? Longitude,
    [property: Description("Date de publication (UTC, ISO 8601).")] DateTime PublishedAt,
    [property: Description("Porteur du projet.")] HolderResponse Holder,
    [property: Description("Budget estimé.")] BudgetResponse Budget,
    [property: Description("Ce que le porteur demande à la ville.")] IReadOnlyList<RequestedSupportResponse> RequestedSupport,
    [property: Description("Nombre de soutiens.")] int SupportsCount,
    [property: Description("Nombre de commentaires visibles.")] int CommentsCount,
    [property: Description("Images du projet.")] IReadOnlyList<ImageResponse> Images,
    [property: Description("Adresse de la page publique du projet.")] string Url,
    [property: Description("Le label de la ville et ses engagements ; null si la ville n'a jamais labellisé le projet. Un label retiré ou arrivé à échéance reste décrit, avec sa date de retrait ou sa fin de validité.")] LabelResponse? Label)
{
    [Description("La campagne de financement participatif du projet, une fois lancée ; null s'il n'en a pas (une campagne en préparation n'est pas publiée).")]
    public FundingResponse? Funding { get; init; }
}

[Description("La campagne de financement participatif d'un projet. Les montants viennent du grand livre de la plateforme, en centimes d'euro.")]
public sealed record FundingResponse(
    [property: Description("Objectif, en centimes d'euro.")] long GoalCents,
    [property: Description("Montant collecté (dons et abondement de la ville), en centimes d'euro, remboursements déduits.")] long RaisedCents,
    [property: Description("Part de la ville (abondement), en centimes d'euro.")] long MatchedCents,
    [property: Description("Nombre de contributeurs dont la contribution a réussi.")] int Contributors,
    [property: Description("Fin de la campagne (UTC, ISO 8601).")] DateTime? EndsAt,
    [property: Description("AllOrNothing (tout ou rien) ou KeepItAll (tout est gardé).")] CampaignMode Mode,
    [property: Description("Live (en cours), Paused (suspendue par la ville), Settling (terminée, en règlement), Funded (financé) ou NotFunded (non financé, contributeurs remboursés).")] CampaignStatus Status);

[Description("Le porteur d'un projet : seulement son nom public et, pour une structure, son nom.")]
public sealed record HolderResponse(
    [property: Description("Nom affiché du porteur.")] string DisplayName,
    [property: Description("Type de porteur.")] HolderType Type,
    [property: Description("Nom de l'association ou de l'entreprise, le cas échéant.")] string? OrganisationName);

[Description("Budget estimé, en centimes d'euro.")]
public sealed record BudgetResponse(
    [property: Description("Postes de dépense.")] IReadOnlyList<BudgetLineResponse> Lines,
    [property: Description("Total en centimes d'euro.")] long TotalCents,
    [property: Description("Devise (toujours EUR).")] string Currency);

[Description("Un poste de dépense.")]
public sealed record BudgetLineResponse(
    [property: Description("Intitulé du poste.")] string Label,
    [property: Description("Montant en centimes d'euro.")] long AmountCents);

[Description("Un soutien demandé à la ville.")]
public sealed record RequestedSupportResponse(
    [property: Description("Type de soutien.")] CommitmentKind Kind,
    [property: Description("Précisions du porteur.")] string? Details);

[Description("Le label décerné par la ville : ses dates et les engagements qu'elle a pris. Ni les propositions de l'équipe, ni les décisions écartées, ni les notes internes, ni le nom des agents n'y figurent.")]
public sealed record LabelResponse(
    [property: Description("Date à laquelle la ville a labellisé le projet (UTC, ISO 8601).")] DateTime LabelledAt,
    [property: Description("Dernier jour de validité du label (date, heure de Paris) ; null si le label n'a pas de fin prévue.")] DateOnly? ValidUntil,
    [property: Description("Date à laquelle la ville a retiré son label (UTC, ISO 8601) ; null s'il n'est pas retiré.")] DateTime? RevokedAt,
    [property: Description("Motif public du retrait du label ; null s'il n'est pas retiré.")] string? RevokedReason,
    [property: Description("Les engagements de la ville, dans l'ordre où elle les a listés.")] IReadOnlyList<CommitmentResponse> Commitments);

[Description("Un engagement de la ville envers le projet labellisé.")]
public sealed record CommitmentResponse(
    [property: Description("Type d'engagement : Land (terrain), Premises (locaux), Equipment (matériel), Communication, Expertise (un agent référent de la ville suit le projet), CoFinancing (cofinancement), Other.")] CommitmentKind Kind,
    [property: Description("Description de l'engagement.")] string Description,
    [property: Description("Valeur estimée de l'engagement, en centimes d'euro (pour un cofinancement : la subvention ou le plafond de l'abondement).")] long? EstimatedValueCents,
    [property: Description("Pour un cofinancement : ses modalités ; null pour les autres engagements.")] CoFinancingResponse? CoFinancing);

[Description("Un cofinancement de la ville : une subvention fixe, ou un abondement de chaque don jusqu'à un plafond.")]
public sealed record CoFinancingResponse(
    [property: Description("Grant (subvention fixe) ou Matchfunding (abondement des dons).")] CoFinancingMode Mode,
    [property: Description("Montant de la subvention, en centimes d'euro (Grant).")] long? GrantCents,
    [property: Description("Taux d'abondement en pourcentage : 100 signifie 1 € de la ville pour 1 € donné (Matchfunding).")] int? MatchRatioPercent,
    [property: Description("Plafond de l'abondement, en centimes d'euro (Matchfunding).")] long? MatchCapCents);

[Description("Une image du projet.")]
public sealed record ImageResponse(
    [property: Description("Adresse absolue de l'image.")] string Url,
    [property: Description("Texte alternatif écrit par le porteur.")] string AltText);
