using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls.Admin;

/// <summary>
/// The review of a closed call: the ranking of the submitted applications (computed by
/// <see cref="CallRanking"/> from one query of the scores), the short list, the winners ticked for
/// their confirmation page (<see cref="WinnersModel"/>, admins only) and the CSV and XLSX of every
/// score, the record the municipal council votes on.
/// An open or draft call has nothing to review yet; another city's call is "not found".
/// </summary>
public sealed class ReviewModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string WinnersField = "laureats";

    public long Id { get; private set; }

    public CallHeader Call { get; private set; } = null!;

    public IReadOnlyList<RankingRow> Ranking { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public CurrentCity City => tenant.City!;

    public bool InReview => Call.Status is CallStatus.Review or CallStatus.Decided;

    /// <summary>The winners ticked before "Revenir" on the confirmation page, ticked again.</summary>
    [BindProperty(SupportsGet = true, Name = WinnersField)]
    public List<long> Chosen { get; set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;

        // Boxes ticked again are a convenience: a value that is not a number is simply not ticked.
        ModelState.Clear();
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The ranking with every score as CSV: one row per application, reviewer and criterion.</summary>
    public async Task<IActionResult> OnGetCsvAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        var export = await ExportAsync(id, cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        var csv = new CsvFile();
        csv.Line(export.Header);
        foreach (var row in export.Rows)
        {
            csv.Line(row.Select(CsvText));
        }

        Response.Headers.CacheControl = "no-store";
        return File(csv.ToBytes(), Csv.ContentType, $"classement-appel-{id.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>
    /// The same ranking as an Excel workbook, the record the municipal council votes on: the call's
    /// title and the export date first, then the CSV's header and rows; numbers are numbers and
    /// every text is an inline string, never a formula.
    /// </summary>
    public async Task<IActionResult> OnGetXlsxAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        var export = await ExportAsync(id, cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        var exportedAt = Cultures.ToParis(clock.GetUtcNow().UtcDateTime).ToString("f", CultureInfo.CurrentCulture);
        string[] title = [l["Appel à projets : {0}", export.Title].Value, l["Exporté le {0} (heure de Paris)", exportedAt].Value];
        var bytes = XlsxFile.Write(l["Classement"].Value, title, export.Header, export.Rows, wideColumns: [1, 2, 14]);
        Response.Headers.CacheControl = "no-store";
        return File(bytes, XlsxFile.ContentType, $"classement-appel-{id.ToString(CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>An admin puts an application on (or off) the short list.</summary>
    public async Task<IActionResult> OnPostShortlistAsync(long id, [FromForm] long? applicationId, [FromForm] long? applicationVersion, [FromForm] bool shortlisted, CancellationToken cancellationToken)
    {
        Id = id;
        if (!(await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded)
        {
            return Forbid();
        }

        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var application = applicationId is null ? null
            : await db.CallApplications.SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, cancellationToken);
        if (call is null || application is null)
        {
            return NotFound();
        }

        if (applicationVersion is null || User.IdOrNull() is not { } adminId)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(application, applicationVersion.Value);
        var before = application.IsShortlisted;
        application.Shortlist(call, city, adminId, shortlisted, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(
            AuditAction.ApplicationShortlisted, AuditSubject.Application, application.Id, application.ProjectTitle, call.Title,
            AuditTrail.Values(("Présélectionnée", before)), AuditTrail.Values(("Présélectionnée", application.IsShortlisted)), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = shortlisted
            ? l["La candidature « {0} » est présélectionnée.", application.ProjectTitle].Value
            : l["La candidature « {0} » n'est plus présélectionnée.", application.ProjectTitle].Value;
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The call disappeared while its page was shown again.");
        }
    }

    /// <summary>A score with two decimals in the person's culture, or a dash.</summary>
    public static string Score(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : "—";

    private static string? Decimal(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A cell of the export as CSV text: numbers in the invariant culture, averages with two decimals.</summary>
    private static string? CsvText(object? value) => value switch
    {
        null => null,
        decimal d => Decimal(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The rows both exports write, from three queries: one per application, reviewer and criterion
    /// (an application nobody scored has one row without score). Cells are strings, ints (rank,
    /// counts, weights, scores) or decimals (average and spread, rounded to two decimals).
    /// </summary>
    private async Task<RankingExport?> ExportAsync(long id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var applications = await ApplicationsAsync(id, cancellationToken);
        var scores = await db.ApplicationScores.AsNoTracking()
            .Where(s => db.CallApplications.Any(a => a.Id == s.ApplicationId && a.CallId == id))
            .OrderBy(s => s.ApplicationId).ThenBy(s => s.ReviewerUserId).ThenBy(s => s.CriterionId)
            .Select(s => new ScoreLine(
                s.ApplicationId,
                s.ReviewerUserId,
                db.Users.Where(u => u.Id == s.ReviewerUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                s.CriterionId,
                s.Score,
                s.Comment))
            .ToListAsync(cancellationToken);
        var ranked = Rank(call.Criteria, applications, scores.Select(s => new ScoreRow(s.ApplicationId, s.ReviewerUserId, s.CriterionId, s.Score)).ToList());
        var criteria = call.Criteria.OrderBy(c => c.Position).ToList();

        string[] header = [
            l["Rang"], l["Projet"], l["Candidat"], l["Type de candidat"], l["Structure"], l["Statut"], l["Présélectionnée"],
            l["Moyenne pondérée /10"], l["Évaluateurs"], l["Écart"], l["Évaluateur"], l["Critère"], l["Pondération (%)"], l["Note /10"], l["Commentaire"]];
        var rows = new List<object?[]>();
        foreach (var row in ranked)
        {
            object?[] head = [
                row.Rank, row.ProjectTitle, row.ApplicantName, l[ProjectLabels.Holder(row.HolderType)].Value, row.OrganisationName,
                l[CallNames.Application(row.Status)].Value, row.IsShortlisted ? l["oui"].Value : l["non"].Value, Round(row.Average), row.Reviewers, Round(row.Spread)];
            var own = scores.Where(s => s.ApplicationId == row.ApplicationId).ToList();
            if (own.Count == 0)
            {
                rows.Add([.. head, null, null, null, null, null]);
                continue;
            }

            foreach (var score in own.OrderBy(s => s.ReviewerName).ThenBy(s => s.ReviewerUserId).ThenBy(s => criteria.FindIndex(c => c.Id == s.CriterionId)))
            {
                var criterion = criteria.Find(c => c.Id == score.CriterionId);
                rows.Add([.. head, score.ReviewerName, criterion?.Name, criterion?.WeightPercent, score.Score, score.Comment]);
            }
        }

        return new RankingExport(call.Title, header, rows);
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static List<RankingRow> Rank(IReadOnlyList<CallCriterion> criteria, List<ApplicationRow> applications, List<ScoreRow> scores)
    {
        var byId = applications.ToDictionary(a => a.Id);
        return CallRanking.Rank(criteria, applications.Select(a => (a.Id, a.SubmittedAtUtc)).ToList(), scores)
            .Select(r =>
            {
                var a = byId[r.ApplicationId];
                return new RankingRow(r.Rank, a.Id, a.ProjectTitle, a.ApplicantName, a.HolderType, a.OrganisationName, r.Average, r.Reviewers, r.Spread, a.IsShortlisted, a.Status, a.Version, a.ProjectId);
            })
            .ToList();
    }

    private Task<List<ApplicationRow>> ApplicationsAsync(long callId, CancellationToken cancellationToken) =>
        db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == callId && a.SubmittedAtUtc != null
                && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.NotSelected))
            .Select(a => new ApplicationRow(
                a.Id,
                a.ProjectTitle,
                db.Users.Where(u => u.Id == a.ApplicantUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                a.HolderType,
                a.OrganisationName,
                a.SubmittedAtUtc!.Value,
                a.IsShortlisted,
                a.Status,
                a.Version,
                db.Projects.Where(p => p.CallApplicationId == a.Id).Select(p => (long?)p.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var call = await db.Calls.AsNoTracking().Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return false;
        }

        Call = new CallHeader(call.Id, call.Title, call.Status, call.WinnersCount, call.ClosesAtUtc, call.Version);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
        if (!InReview)
        {
            Ranking = [];
            return true;
        }

        var applications = await ApplicationsAsync(id, cancellationToken);

        // The one query of the scores the ranking is computed from.
        var scores = await db.ApplicationScores.AsNoTracking()
            .Where(s => db.CallApplications.Any(a => a.Id == s.ApplicationId && a.CallId == id))
            .Select(s => new ScoreRow(s.ApplicationId, s.ReviewerUserId, s.CriterionId, s.Score))
            .ToListAsync(cancellationToken);
        Ranking = Rank(call.Criteria, applications, scores);
        return true;
    }

    public sealed record CallHeader(long Id, string Title, CallStatus Status, int WinnersCount, DateTime ClosesAtUtc, long Version);

    public sealed record RankingRow(
        int Rank,
        long ApplicationId,
        string ProjectTitle,
        string ApplicantName,
        HolderType HolderType,
        string? OrganisationName,
        decimal? Average,
        int Reviewers,
        decimal Spread,
        bool IsShortlisted,
        ApplicationStatus Status,
        long Version,
        long? ProjectId);

    private sealed record ApplicationRow(
        long Id,
        string ProjectTitle,
        string ApplicantName,
        HolderType HolderType,
        string? OrganisationName,
        DateTime SubmittedAtUtc,
        bool IsShortlisted,
        ApplicationStatus Status,
        long Version,
        long? ProjectId);

    private sealed record RankingExport(string Title, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows);

    private sealed record ScoreLine(long ApplicationId, long ReviewerUserId, string ReviewerName, long CriterionId, int Score, string? Comment);
}
