using System.Globalization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>The addresses the review links to: the staff's project dossier, its review, its decision, label withdrawal and tax receipts pages, the holder's exchanges.</summary>
public static class ReviewPaths
{
    public static string Project(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}");

    /// <summary>The project's review: who follows it, the decision, the thread with the holder, the notes.</summary>
    public static string Review(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}/etude");

    public static string Decide(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}/decision");

    /// <summary>The admin's confirmation page before a label is withdrawn.</summary>
    public static string RevokeLabel(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}/retrait-du-label");

    /// <summary>The project's tax receipts (who issues them), in the funding back office.</summary>
    public static string TaxReceipts(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}/recus-fiscaux");

    /// <summary>The holder's side of the review thread (where their notifications lead).</summary>
    public static string Exchanges(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/echanges");
}

/// <summary>The tabs across a submitted project's staff pages: its dossier, its review, its tax receipts (when it may give some).</summary>
public sealed record ProjectTabs(string Slug, long ProjectId, string Current, bool WithReceipts);
