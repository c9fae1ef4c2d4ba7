using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls.Admin;

/// <summary>
/// One application as the city's staff review it: the candidate, the answers (files downloaded by
/// staff only), the reviewer's own score form, the declaration of a conflict of interest, and, for
/// admins, every reviewer's scores. The domain's refusals (own application, conflict, call not
/// closed) are explained instead of the form. Another city's application is "not found".
/// </summary>
public sealed class ApplicationModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    IFileStore files,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string ReasonField = "conflit";
    public const string ScoreFieldPrefix = "note-";
    public const string CommentFieldPrefix = "commentaire-";

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public Details Application { get; private set; } = null!;

    public IReadOnlyList<CriterionRow> Criteria { get; private set; } = [];

    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];

    public IReadOnlyList<ScoreView> AllScores { get; private set; } = [];

    public IReadOnlyList<ConflictView> Conflicts { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public long CurrentUserId { get; private set; }

    /// <summary>Why the current person cannot score this application, in French (translated in the view); null when they can.</summary>
    public string? ScoreRefusal { get; private set; }

    public bool HasDeclaredConflict => Conflicts.Any(c => c.ReviewerUserId == CurrentUserId);

    /// <summary>The scores and comments the reviewer typed (or gave earlier), by criterion.</summary>
    public Dictionary<long, (string? Score, string? Comment)> Typed { get; private set; } = [];

    public string? Reason { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, long applicationId, CancellationToken cancellationToken)
    {
        (Id, ApplicationId) = (id, applicationId);
        return await TryLoadAsync(keepTyped: false, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>A file answer, streamed to the city's staff only, as an attachment.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long applicationId, long? questionId, CancellationToken cancellationToken)
    {
        var answer = await db.ApplicationAnswers.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && a.QuestionId == questionId && a.FileKey != null
                && db.CallApplications.Any(c => c.Id == applicationId && c.CallId == id && c.SubmittedAtUtc != null))
            .Select(a => new { a.FileKey, a.FileName, a.ContentType })
            .SingleOrDefaultAsync(cancellationToken);
        var stream = answer is null ? null : files.OpenRead(answer.FileKey!);
        if (stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, answer!.ContentType ?? "application/octet-stream", answer.FileName ?? "fichier");
    }

    /// <summary>The reviewer scores every criterion; scoring again replaces their earlier scores.</summary>
    public async Task<IActionResult> OnPostScoreAsync(long id, long applicationId, [FromForm] long? applicationVersion, CancellationToken cancellationToken)
    {
        (Id, ApplicationId) = (id, applicationId);
        var loaded = await LoadForActionAsync(applicationVersion, cancellationToken);
        if (loaded.Result is { } result)
        {
            return result;
        }

        var (call, application, city, reviewerId) = loaded.Act!.Value;
        var terms = new List<ScoreTerms>();
        var typed = new Dictionary<long, (string? Score, string? Comment)>();
        foreach (var criterion in call.Criteria.OrderBy(c => c.Position))
        {
            var key = criterion.Id.ToString(CultureInfo.InvariantCulture);
            string? text = Request.Form[ScoreFieldPrefix + key];
            string? comment = Request.Form[CommentFieldPrefix + key];
            typed[criterion.Id] = (text, comment);
            if (!int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
            {
                ModelState.AddModelError(ScoreFieldPrefix + key, l["Donnez au critère « {0} » une note entière de 0 à 10.", criterion.Name]);
                continue;
            }

            terms.Add(new ScoreTerms(criterion.Id, score, comment));
        }

        Typed = typed;
        if (!ModelState.IsValid)
        {
            await TryLoadAsync(keepTyped: true, cancellationToken);
            return Page();
        }

        application.Score(call, city, reviewerId, terms, clock.GetUtcNow().UtcDateTime);
        var weighted = terms.Sum(t => (decimal)t.Score * call.Criteria.Single(c => c.Id == t.CriterionId).WeightPercent) / 100m;
        await audit.RecordAsync(
            AuditAction.ApplicationScored, AuditSubject.Application, application.Id, application.ProjectTitle, call.Title,
            after: AuditTrail.Values(call.Criteria.OrderBy(c => c.Position).Select(c => (c.Name, (object?)terms.Single(t => t.CriterionId == c.Id).Score)).Append(("Note pondérée", weighted.ToString("0.00", CultureInfo.InvariantCulture))).ToArray()),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Vos notes sont enregistrées."].Value;
        return RedirectToPage();
    }

    /// <summary>The reviewer declares a conflict of interest: they can no longer score, their scores are dropped.</summary>
    public async Task<IActionResult> OnPostConflictAsync(long id, long applicationId, [FromForm] long? applicationVersion, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        (Id, ApplicationId, Reason) = (id, applicationId, reason);
        var loaded = await LoadForActionAsync(applicationVersion, cancellationToken);
        if (loaded.Result is { } result)
        {
            return result;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError(ReasonField, l["Décrivez la nature du conflit d'intérêts."]);
            await TryLoadAsync(keepTyped: false, cancellationToken);
            return Page();
        }

        var (call, application, city, reviewerId) = loaded.Act!.Value;
        var conflict = application.DeclareConflict(call, city, reviewerId, reason, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(
            AuditAction.ConflictOfInterestDeclared, AuditSubject.Application, application.Id, application.ProjectTitle, conflict.Reason,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Votre conflit d'intérêts est enregistré : vous ne notez pas cette candidature."].Value;
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(keepTyped: Typed.Count > 0, cancellationToken))
        {
            throw new InvalidOperationException("The application disappeared while its page was shown again.");
        }
    }

    private async Task<(IActionResult? Result, (Call Call, CallApplication Application, Municipality City, long ReviewerId)? Act)> LoadForActionAsync(long? version, CancellationToken cancellationToken)
    {
        var (id, applicationId) = (Id, ApplicationId);
        var call = await db.Calls.Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var application = call is null ? null
            : await db.CallApplications.Include(a => a.Scores).Include(a => a.Conflicts).AsSplitQuery()
                .SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == id && a.SubmittedAtUtc != null, cancellationToken);
        if (call is null || application is null)
        {
            return (NotFound(), null);
        }

        if (version is null || User.IdOrNull() is not { } reviewerId)
        {
            return (BadRequest(), null);
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(application, version.Value);
        return (null, (call, application, city, reviewerId));
    }

    private async Task<bool> TryLoadAsync(bool keepTyped, CancellationToken cancellationToken)
    {
        var (id, applicationId) = (Id, ApplicationId);
        var details = await db.CallApplications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.CallId == id && a.SubmittedAtUtc != null)
            .Select(a => new Details(
                a.Id,
                a.CallId,
                db.Calls.Where(c => c.Id == a.CallId).Select(c => c.Title).First(),
                db.Calls.Where(c => c.Id == a.CallId).Select(c => c.Status).First(),
                a.ApplicantUserId,
                db.Users.Where(u => u.Id == a.ApplicantUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                db.Users.Where(u => u.Id == a.ApplicantUserId).Select(u => u.Email).FirstOrDefault(),
                a.HolderType,
                a.OrganisationName,
                a.Rna,
                a.Siren,
                a.ProjectTitle,
                a.Summary,
                a.Status,
                a.SubmittedAtUtc!.Value,
                a.IsShortlisted,
                a.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return false;
        }

        Application = details;
        CurrentUserId = User.IdOrNull() ?? 0;
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.MunicipalityId == City.Id && m.UserId == CurrentUserId).Select(m => m.Role).ToListAsync(cancellationToken);
        IsAdmin = roles.Contains(StaffRole.Admin);
        Criteria = await db.CallCriteria.AsNoTracking().Where(c => c.CallId == id).OrderBy(c => c.Position)
            .Select(c => new CriterionRow(c.Id, c.Name, c.Description, c.WeightPercent)).ToListAsync(cancellationToken);
        Answers = await db.CallQuestions.AsNoTracking().Where(q => q.CallId == id).OrderBy(q => q.Position)
            .Select(q => new AnswerRow(
                q.Id,
                q.Label,
                q.Kind,
                db.ApplicationAnswers.Where(x => x.ApplicationId == applicationId && x.QuestionId == q.Id).Select(x => x.Text).FirstOrDefault(),
                db.ApplicationAnswers.Where(x => x.ApplicationId == applicationId && x.QuestionId == q.Id).Select(x => x.Number).FirstOrDefault(),
                db.ApplicationAnswers.Where(x => x.ApplicationId == applicationId && x.QuestionId == q.Id).Select(x => x.YesNo).FirstOrDefault(),
                db.ApplicationAnswers.Where(x => x.ApplicationId == applicationId && x.QuestionId == q.Id).Select(x => x.FileName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        AllScores = await db.ApplicationScores.AsNoTracking().Where(s => s.ApplicationId == applicationId)
            .Select(s => new ScoreView(
                s.ReviewerUserId,
                db.Users.Where(u => u.Id == s.ReviewerUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                s.CriterionId,
                s.Score,
                s.Comment,
                s.AtUtc))
            .ToListAsync(cancellationToken);
        Conflicts = await db.ConflictsOfInterest.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .OrderBy(c => c.AtUtc)
            .Select(c => new ConflictView(
                c.ReviewerUserId,
                db.Users.Where(u => u.Id == c.ReviewerUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                c.Reason,
                c.AtUtc))
            .ToListAsync(cancellationToken);
        if (!keepTyped)
        {
            Typed = AllScores.Where(s => s.ReviewerUserId == CurrentUserId)
                .ToDictionary(s => s.CriterionId, s => ((string?)s.Score.ToString(CultureInfo.InvariantCulture), s.Comment));
        }

        ScoreRefusal = details.ApplicantUserId == CurrentUserId ? "Vous ne pouvez pas noter votre propre candidature."
            : HasDeclaredConflict ? "Vous avez déclaré un conflit d'intérêts sur cette candidature : vous ne pouvez pas la noter."
            : details.CallStatus != CallStatus.Review ? "Les candidatures se notent une fois l'appel clos, et jusqu'au choix des lauréats."
            : details.Status != ApplicationStatus.Submitted ? "Seule une candidature déposée se note."
            : null;
        return true;
    }

    public sealed record Details(
        long Id,
        long CallId,
        string CallTitle,
        CallStatus CallStatus,
        long ApplicantUserId,
        string ApplicantName,
        string? ApplicantEmail,
        HolderType HolderType,
        string? OrganisationName,
        string? Rna,
        string? Siren,
        string ProjectTitle,
        string? Summary,
        ApplicationStatus Status,
        DateTime SubmittedAtUtc,
        bool IsShortlisted,
        long Version);

    public sealed record CriterionRow(long Id, string Name, string? Description, int WeightPercent);

    public sealed record AnswerRow(long QuestionId, string Label, QuestionKind Kind, string? Text, decimal? Number, bool? YesNo, string? FileName);

    public sealed record ScoreView(long ReviewerUserId, string ReviewerName, long CriterionId, int Score, string? Comment, DateTime AtUtc);

    public sealed record ConflictView(long ReviewerUserId, string ReviewerName, string Reason, DateTime AtUtc);
}
