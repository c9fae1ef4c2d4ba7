using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// The signed-in person's single application to a call, at <c>/{slug}/appels/{id}/candidature</c>:
/// the first save starts it, every later visit reopens the same one (the unique index on call and
/// person settles a race between two first saves). Only ever the person's own application: there is
/// no application id in the address. Uploaded files are typed by their bytes (PDF, PNG, JPEG,
/// WebP), 10 MB at most, stored with <see cref="IFileStore"/>. After the closing time everything is
/// read-only; the domain refuses a late change with its own message.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
[RequestSizeLimit(FormLimit + (64 * 1024))]
public sealed class ApplyModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    IFileStore files,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    // Above the file limit: a too-big file is still read, so the person gets the reason on the form.
    private const int FormLimit = 64 * 1024 * 1024;

    private long _callId;

    public ApplyInput Input { get; private set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public CurrentCity City => tenant.City!;

    public DateTime NowUtc { get; private set; }

    public ApplyCallView Current { get; private set; } = null!;

    public IReadOnlyList<ApplyQuestion> Questions { get; private set; } = [];

    public MyApplication? Application { get; private set; }

    public IReadOnlyList<SavedAnswer> Saved { get; private set; } = [];

    /// <summary>What the form shows in each question's field, by question id (typed or saved).</summary>
    public Dictionary<long, string?> Typed { get; } = [];

    public bool IsAccepting => Current.Status == CallStatus.Open && NowUtc >= Current.OpensAtUtc && NowUtc < Current.ClosesAtUtc;

    public bool CanChange => IsAccepting && Application?.Status is null or ApplicationStatus.Draft or ApplicationStatus.Submitted;

    public IReadOnlyList<HolderType> Eligible => CallsPublicText.Eligible(Current.AcceptsIndividuals, Current.AcceptsAssociations, Current.AcceptsCompanies);

    /// <summary>The required questions without a saved answer.</summary>
    public IReadOnlyList<string> Missing =>
        [.. Questions.Where(q => q.IsRequired && Saved.All(a => a.QuestionId != q.Id)).Select(q => q.Label)];

    /// <summary>Why nothing can be changed any more (null while the application can change).</summary>
    public string? ReadOnlyReason =>
        Current.Status == CallStatus.Cancelled ? l["Cet appel a été annulé."].Value
        : Current.Status == CallStatus.Open && NowUtc < Current.OpensAtUtc ? l["L'appel ouvre le {0} (heure de Paris) : les candidatures ne sont pas encore possibles.", Paris(Current.OpensAtUtc)].Value
        : !IsAccepting ? l["L'appel n'accepte plus de candidatures : il a été clos le {0} (heure de Paris).", Paris(Current.ClosesAtUtc)].Value
        : Application?.Status == ApplicationStatus.Withdrawn ? l["Cette candidature a été retirée."].Value
        : Application?.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected ? l["La ville a rendu sa décision sur cette candidature."].Value
        : null;

    public static string QuestionField(long questionId) => string.Create(CultureInfo.InvariantCulture, $"q{questionId}");

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _callId = id;
        if (!await CallExistsAsync(cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        if (Application is { } mine)
        {
            Input = new ApplyInput
            {
                HolderType = mine.HolderType,
                OrganisationName = mine.OrganisationName,
                Rna = mine.Rna,
                Siren = mine.Siren,
                ProjectTitle = mine.ProjectTitle,
                Summary = mine.Summary,
            };
        }
        else if (Eligible.Count == 1)
        {
            Input.HolderType = Eligible[0];
        }

        foreach (var answer in Saved)
        {
            Typed[answer.QuestionId] = answer.Text
                ?? (answer.Number is { } n ? n.ToString(CultureInfo.CurrentCulture) : null)
                ?? (answer.YesNo is { } yes ? (yes ? "oui" : "non") : null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync([FromRoute] long id, [FromForm(Name = nameof(Input))] ApplyInput input, CancellationToken cancellationToken)
    {
        _callId = id;
        Input = input;
        var call = await LoadCallAsync(cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (Input.Version is null)
        {
            return BadRequest();
        }

        var userId = User.Id();
        var application = await db.CallApplications.Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.CallId == id && a.ApplicantUserId == userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // The typed values stay on the form whatever happens next.
        foreach (var question in call.Questions)
        {
            Typed[question.Id] = Request.Form[QuestionField(question.Id)].ToString();
        }

        if (Input.HolderType is null)
        {
            ModelState.AddModelError("Input.HolderType", l["Indiquez qui candidate."]);
        }

        var answers = new List<AnswerTerms>();
        var uploads = new List<(long QuestionId, byte[] Bytes, string ContentType, string Extension, string FileName)>();
        foreach (var question in call.Questions.OrderBy(q => q.Position))
        {
            var field = QuestionField(question.Id);
            var typed = Typed[question.Id]?.Trim();
            switch (question.Kind)
            {
                case QuestionKind.ShortText or QuestionKind.LongText:
                    answers.Add(new AnswerTerms(question.Id, Text: typed));
                    break;
                case QuestionKind.Number when string.IsNullOrEmpty(typed):
                    break;
                case QuestionKind.Number:
                    if (decimal.TryParse(typed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00A0'.ToString(), string.Empty, StringComparison.Ordinal).Replace('\u202F'.ToString(), string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.CurrentCulture, out var number))
                    {
                        answers.Add(new AnswerTerms(question.Id, Number: number));
                    }
                    else
                    {
                        ModelState.AddModelError(field, l["La réponse à « {0} » doit être un nombre, par exemple 12 ou 3,5.", question.Label]);
                    }

                    break;
                case QuestionKind.YesNo:
                    answers.Add(new AnswerTerms(question.Id, YesNo: typed switch { "oui" => true, "non" => false, _ => null }));
                    break;
                case QuestionKind.File:
                    var file = Request.Form.Files.GetFile(field);
                    if (file is { Length: > 0 })
                    {
                        if (await ApplicationFile.ReadAsync(ModelState, l, field, question.Label, file, cancellationToken) is { } read)
                        {
                            uploads.Add((question.Id, read.Bytes, read.ContentType, read.Extension, Path.GetFileName(file.FileName)));
                        }
                    }
                    else if (application?.Answers.SingleOrDefault(a => a.QuestionId == question.Id) is { FileKey: not null } kept)
                    {
                        answers.Add(new AnswerTerms(question.Id, FileKey: kept.FileKey, FileName: kept.FileName, ContentType: kept.ContentType));
                    }

                    break;
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var stored = new List<string>();
        try
        {
            foreach (var upload in uploads)
            {
                var key = await files.SaveAsync("calls", upload.Bytes, upload.Extension, cancellationToken);
                stored.Add(key);
                var name = string.IsNullOrWhiteSpace(upload.FileName) ? "document." + upload.Extension : upload.FileName;
                answers.Add(new AnswerTerms(upload.QuestionId, FileKey: key, FileName: name.Length > ApplicationAnswer.FileNameMaxLength ? name[^ApplicationAnswer.FileNameMaxLength..] : name, ContentType: upload.ContentType));
            }

            var before = application?.Answers.Where(a => a.FileKey is not null).Select(a => a.FileKey!).ToList() ?? [];
            var isNew = application is null;
            if (application is null)
            {
                application = CallApplication.Start(call, userId, Input.HolderType!.Value, Input.OrganisationName, Input.Rna, Input.Siren, Input.ProjectTitle, now);
                db.CallApplications.Add(application);
            }
            else
            {
                // The version the person saw: if the application changed since, the save is refused.
                db.ExpectVersion(application, Input.Version.Value);
            }

            application.Edit(call, userId, Input.HolderType!.Value, Input.OrganisationName, Input.Rna, Input.Siren, Input.ProjectTitle, Input.Summary, answers, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (isNew)
            {
                // Another first save of the same person won the unique index: theirs is the application.
                foreach (var key in stored)
                {
                    files.Delete(key);
                }

                StatusMessage = l["Votre candidature avait déjà été commencée : vérifiez-la puis enregistrez de nouveau."];
                return Redirect(CallPaths.Apply(City.Slug, id));
            }

            // Only once the database no longer points at them: a failed save keeps the old files whole.
            foreach (var key in before.Except(application.Answers.Where(a => a.FileKey is not null).Select(a => a.FileKey!)))
            {
                files.Delete(key);
            }
        }
        catch
        {
            // Nothing points at the new files: they must not linger.
            foreach (var key in stored)
            {
                files.Delete(key);
            }

            throw;
        }

        StatusMessage = l["Votre candidature est enregistrée."];
        return Redirect(CallPaths.Apply(City.Slug, id));
    }

    public Task<IActionResult> OnPostSubmitAsync([FromRoute] long id, [FromForm] long? applicationVersion, CancellationToken cancellationToken) =>
        ActAsync(id, applicationVersion, AuditAction.ApplicationSubmitted, (application, call, userId, now) => application.Submit(call, userId, now), l["Votre candidature est déposée. La ville l'examinera après la clôture de l'appel."], cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync([FromRoute] long id, [FromForm] long? applicationVersion, CancellationToken cancellationToken) =>
        ActAsync(id, applicationVersion, AuditAction.ApplicationWithdrawn, (application, call, userId, now) => application.Withdraw(call, userId, now), l["Votre candidature est retirée."], cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var userId = User.Id();
        Current = await db.Calls.AsNoTracking()
            .Where(c => c.Id == _callId)
            .Select(c => new ApplyCallView(c.Id, c.Title, c.Status, c.OpensAtUtc, c.ClosesAtUtc, c.AcceptsIndividuals, c.AcceptsAssociations, c.AcceptsCompanies))
            .SingleAsync(cancellationToken);
        Questions = await db.CallQuestions.AsNoTracking()
            .Where(q => q.CallId == _callId)
            .OrderBy(q => q.Position)
            .Select(q => new ApplyQuestion(q.Id, q.Label, q.Help, q.Kind, q.IsRequired))
            .ToListAsync(cancellationToken);
        Application = await db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == _callId && a.ApplicantUserId == userId)
            .Select(a => new MyApplication(a.Id, a.Status, a.Version, a.HolderType, a.OrganisationName, a.Rna, a.Siren, a.ProjectTitle, a.Summary, a.SubmittedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        Saved = Application is null ? [] : await db.ApplicationAnswers.AsNoTracking()
            .Where(a => a.ApplicationId == Application.Id)
            .Select(a => new SavedAnswer(a.QuestionId, a.Text, a.Number, a.YesNo, a.FileName))
            .ToListAsync(cancellationToken);
    }

    private static string Paris(DateTime utc) => Cultures.ToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The person's own file answer, back to them as an attachment.</summary>
    public async Task<IActionResult> OnGetFileAsync([FromRoute] long id, long? questionId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var answer = await db.ApplicationAnswers.AsNoTracking()
            .Where(a => a.QuestionId == questionId && a.FileKey != null
                && db.CallApplications.Any(c => c.Id == a.ApplicationId && c.CallId == id && c.ApplicantUserId == userId))
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

    private async Task<IActionResult> ActAsync(long id, long? version, AuditAction action, Action<CallApplication, Call, long, DateTime> act, string done, CancellationToken cancellationToken)
    {
        _callId = id;
        var call = await LoadCallAsync(cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        var application = await db.CallApplications.Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.CallId == id && a.ApplicantUserId == userId, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            return BadRequest();
        }

        db.ExpectVersion(application, version.Value);
        act(application, call, userId, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(action, AuditSubject.Application, application.Id, application.ProjectTitle, call.Title, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = done;
        return Redirect(CallPaths.Apply(City.Slug, id));
    }

    private Task<bool> CallExistsAsync(CancellationToken cancellationToken) =>
        db.Calls.AnyAsync(c => c.Id == _callId && c.Status != CallStatus.Draft, cancellationToken);

    private Task<Call?> LoadCallAsync(CancellationToken cancellationToken) =>
        db.Calls
            .Include(c => c.Questions)
            .Include(c => c.Criteria)
            .Include(c => c.Offer)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == _callId && c.Status != CallStatus.Draft, cancellationToken);
}
