using System.Globalization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>The addresses of the holder's pages: propose, edit, images, submit, withdraw, exchanges, "Mes projets".</summary>
public static class ProposePaths
{
    public const string MyProjects = "/compte/mes-projets";

    public static string Start(string citySlug) => $"/{citySlug}/projets/proposer";

    public static string Edit(string citySlug, long projectId) => Holder(citySlug, projectId, "modifier");

    public static string Images(string citySlug, long projectId) => Holder(citySlug, projectId, "images");

    public static string Submit(string citySlug, long projectId) => Holder(citySlug, projectId, "deposer");

    public static string Withdraw(string citySlug, long projectId) => Holder(citySlug, projectId, "retirer");

    /// <summary>The holder's exchange with the city: the review thread and the decision.</summary>
    public static string Exchanges(string citySlug, long projectId) => Holder(citySlug, projectId, "echanges");

    private static string Holder(string citySlug, long projectId, string page) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/{page}");
}
