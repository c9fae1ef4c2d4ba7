using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Operator;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Signup.Operator;

/// <summary>
/// One sign-up request for the operator (issue #7): the commune's official identity, its domain,
/// contact, plan, billing address, confirmation and decision. A confirmed request is validated
/// (the city, its admin's invitation and its trial are created together by <see cref="CityOpening"/>)
/// or refused with a reason mailed to the contact. Two SQL commands to show.
/// </summary>
public sealed partial class SignupModel(AppDbContext db, CityOpening opening, IMailSender mail, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<SignupModel> logger)
    : PageModel, IReloadablePage
{
    /// <summary>The forms' fields (their errors are keyed by these names).</summary>
    public const string SlugField = "slug";

    public const string ColourField = "colour";

    public const string ReasonField = "reason";

    /// <summary>The refusal's reason is posted as <c>reason</c>, not <c>Input.Reason</c>.</summary>
    private static readonly Dictionary<string, string> ReasonFieldMap = new(StringComparer.Ordinal) { ["Reason"] = ReasonField };

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [FromRoute]
    public long Id { get; set; }

    public Details Signup { get; private set; } = null!;

    /// <summary>The slug offered in the validation form: the one typed, or one derived from the name and free.</summary>
    public string SuggestedSlug { get; private set; } = string.Empty;

    public string ChosenColour { get; private set; } = NewCityModel.DefaultColour;

    public string? Reason { get; private set; }

    /// <summary>The city that already has this INSEE code, if any.</summary>
    public CityOpening.TakenBy? Registered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(null, cancellationToken) ? Page() : NotFound();

    public Task LoadAsync(CancellationToken cancellationToken) => TryLoadAsync(SuggestedSlug.Length > 0 ? SuggestedSlug : null, cancellationToken);

    /// <summary>"Valider": creates the city, its admin's invitation and its trial in one save, then mails the invitation.</summary>
    public async Task<IActionResult> OnPostApproveAsync([FromForm] string? slug, [FromForm] string? colour, [FromForm] long? version, CancellationToken cancellationToken)
    {
        SuggestedSlug = slug?.Trim() ?? string.Empty;
        ChosenColour = colour ?? string.Empty;
        if (version is not { } expected || User.IdOrNull() is not { } operatorId)
        {
            return BadRequest();
        }

        var request = await db.SignupRequests.SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!CheckState(request, expected, approving: true))
        {
            return await ReloadAsync(cancellationToken);
        }

        string? validSlug = null;
        try
        {
            validSlug = Slug.Validate(slug);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(SlugField, l.Localize(refusal));
        }

        BrandColour? validColour = null;
        try
        {
            validColour = BrandColour.Parse(string.IsNullOrWhiteSpace(colour) ? NewCityModel.DefaultColour : colour);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(ColourField, l.Localize(refusal));
        }

        if (validSlug is null || validColour is null)
        {
            return await ReloadAsync(cancellationToken);
        }

        if (ReportTaken(validSlug, request, await opening.TakenAsync(validSlug, request.InseeCode, cancellationToken)))
        {
            return await ReloadAsync(cancellationToken);
        }

        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == request.PlanId, cancellationToken);
        var outcome = await opening.OpenAsync(
            new CityOpening.NewCity(
                request.CommuneName, validSlug, request.InseeCode, request.Population, request.Siren, request.BillingAddress, validColour.Value,
                request.ContactEmail, plan, request.Period),
            operatorId,
            request,
            cancellationToken);
        if (outcome.City is not { } city)
        {
            if (outcome.Taken is { } taken)
            {
                ReportTaken(validSlug, request, taken);
            }
            else
            {
                ModelState.AddModelError(string.Empty, l["Cette demande vient d'être traitée par quelqu'un d'autre : aucune collectivité n'a été créée en double."]);
            }

            return await ReloadAsync(cancellationToken);
        }

        var sent = await opening.SendInvitationAsync(Request, city, cancellationToken);
        TempData["StatusMessage"] = sent
            ? l["La demande est validée : le site de {0} est ouvert (/{1}), en période d'essai, et son contact {2} est invité à l'administrer.", city.CityName, city.Slug, city.AdminEmail].Value
            : l["La demande est validée et le site de {0} est ouvert, mais le courriel d'invitation n'a pas pu partir : renvoyez-le depuis cette page.", city.CityName].Value;
        return RedirectToPage("/Operator/City", new { id = city.CityId });
    }

    /// <summary>"Refuser": the reason is kept on the request and mailed to the contact.</summary>
    public async Task<IActionResult> OnPostRefuseAsync([FromForm] string? reason, [FromForm] long? version, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (version is not { } expected || User.IdOrNull() is not { } operatorId)
        {
            return BadRequest();
        }

        var request = await db.SignupRequests.SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!CheckState(request, expected, approving: false))
        {
            return await ReloadAsync(cancellationToken);
        }

        try
        {
            request.Refuse(reason, operatorId, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, l, prefix: string.Empty, ReasonFieldMap);
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return await ReloadAsync(cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, l["Cette demande vient d'être traitée par quelqu'un d'autre."]);
            return await ReloadAsync(cancellationToken);
        }

        var sent = await SendRefusalAsync(request, cancellationToken);
        TempData["StatusMessage"] = sent
            ? l["La demande de {0} est refusée ; son contact {1} en a reçu le motif par courriel.", request.CommuneName, request.ContactEmail].Value
            : l["La demande de {0} est refusée, mais le courriel à son contact n'a pas pu partir.", request.CommuneName].Value;
        return Redirect(SignupsModel.PagePath + "?filtre=traitees");
    }

    /// <summary>The request still waits for this decision, as the operator saw it; otherwise why not, on the form.</summary>
    private bool CheckState(SignupRequest request, long expectedVersion, bool approving)
    {
        if (request.WhyCannotRefuse() is { } decided)
        {
            ModelState.AddRefusal(decided, l);
            return false;
        }

        if (request.Version != expectedVersion)
        {
            ModelState.AddModelError(string.Empty, l["Cette demande a changé depuis l'ouverture de la page (son contact vient peut-être de confirmer son adresse) : vérifiez-la et recommencez."]);
            return false;
        }

        if (approving && request.WhyCannotApprove() is { } notYet)
        {
            ModelState.AddRefusal(notYet, l);
            return false;
        }

        // The save checks the version the operator saw, whoever changed the request in between.
        db.ExpectVersion(request, expectedVersion);
        return true;
    }

    private bool ReportTaken(string slug, SignupRequest request, CityOpening.Taken taken)
    {
        if (taken.BySlug is { } bySlug)
        {
            ModelState.AddModelError(SlugField, l["L'adresse « {0} » est déjà utilisée par {1}.", slug, bySlug.Name]);
        }

        if (taken.ByInsee is { } byInsee)
        {
            ModelState.AddModelError(string.Empty, l["{0} (code INSEE {1}) est déjà inscrite sur Labelkoz : son site est /{2}.", byInsee.Name, request.InseeCode, byInsee.Slug]);
        }

        return taken.Any;
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await TryLoadAsync(SuggestedSlug.Length > 0 ? SuggestedSlug : null, cancellationToken);
        return Page();
    }

    private async Task<bool> TryLoadAsync(string? typedSlug, CancellationToken cancellationToken)
    {
        var details = await db.SignupRequests.AsNoTracking()
            .Where(r => r.Id == Id)
            .Join(db.Plans, r => r.PlanId, p => p.Id, (r, p) => new { r, p })
            .Select(x => new Details(
                x.r.Id, x.r.InseeCode, x.r.CommuneName, x.r.Siren, x.r.Population, x.r.OfficialDomain,
                x.r.ContactName, x.r.ContactFunction, x.r.ContactEmail, x.r.ContactPhone, x.r.ContactOutsideDomain,
                x.p.Name, x.p.MonthlyPriceCents, x.p.YearlyPriceCents, x.p.FeeBasisPoints, x.p.MaxOpenCalls, x.p.MatchfundingAllowed, x.p.IsOffered,
                x.r.Period, x.r.BillingStreet, x.r.BillingPostalCode, x.r.BillingCity,
                x.r.Status, x.r.CreatedAtUtc, x.r.ConfirmationExpiresAtUtc, x.r.ConfirmedAtUtc, x.r.DecidedAtUtc,
                x.r.DecidedByUserId == null ? null : db.Users.Where(u => u.Id == x.r.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                x.r.RefusalReason,
                x.r.MunicipalityId,
                x.r.MunicipalityId == null ? null : db.Municipalities.Where(m => m.Id == x.r.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                x.r.MunicipalityId == null ? null : db.Municipalities.Where(m => m.Id == x.r.MunicipalityId).Select(m => m.Slug).FirstOrDefault(),
                x.r.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return false;
        }

        Signup = details;
        if (details.Status is SignupStatus.Approved or SignupStatus.Refused)
        {
            return true;
        }

        // One command: is the INSEE code registered, and is the slug derived from the name free?
        var derived = Slug.FromName(details.CommuneName);
        var withDepartment = $"{derived}-{DepartmentCode(details.InseeCode)}";
        var candidate = typedSlug ?? derived;
        var taken = await db.Municipalities.AsNoTracking()
            .Where(m => m.InseeCode == details.InseeCode || m.Slug == candidate || m.Slug == withDepartment)
            .Select(m => new CityOpening.TakenBy(m.Id, m.Name, m.Slug, m.InseeCode))
            .ToListAsync(cancellationToken);
        Registered = taken.FirstOrDefault(m => m.InseeCode == details.InseeCode);
        if (typedSlug is null)
        {
            SuggestedSlug = IsUsable(derived) && taken.All(m => m.Slug != derived) ? derived : withDepartment;
        }

        return true;
    }

    private static bool IsUsable(string slug)
    {
        try
        {
            Slug.Validate(slug);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>The department of a commune, from its INSEE code: 93, 2a, or 971 overseas.</summary>
    private static string DepartmentCode(string insee) =>
        (insee.StartsWith("97", StringComparison.Ordinal) ? insee[..3] : insee[..2]).ToLowerInvariant();

    /// <summary>The refusal, in French (the contact has no account yet, so no language of their own).</summary>
    private async Task<bool> SendRefusalAsync(SignupRequest request, CancellationToken cancellationToken)
    {
        MailMessage message;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var french = CultureInfo.GetCultureInfo(Cultures.Default);
            CultureInfo.CurrentCulture = french;
            CultureInfo.CurrentUICulture = french;
            var subject = l["Votre demande d'inscription de {0} à Labelkoz", request.CommuneName].Value;
            var hello = l["Bonjour {0},", request.ContactName].Value;
            var body = l["Nous avons étudié la demande d'inscription de {0} (code INSEE {1}) à Labelkoz, déposée le {2}, et ne pouvons pas y donner suite.", request.CommuneName, request.InseeCode, Cultures.ToParis(request.CreatedAtUtc).ToString("d", french)].Value;
            var because = l["Motif :"].Value;
            var again = l["Vous pouvez déposer une nouvelle demande une fois ce point réglé, ou répondre à ce message pour en parler avec l'équipe de Labelkoz."].Value;
            var text = string.Join("\n\n", hello, body, because + "\n" + request.RefusalReason, again);
            var html = $"""
                <p>{Html.Encode(hello)}</p>
                <p>{Html.Encode(body)}</p>
                <p>{Html.Encode(because)}</p>
                <blockquote><p>{string.Join("<br />", request.RefusalReason!.Split('\n').Select(line => Html.Encode(line)))}</p></blockquote>
                <p>{Html.Encode(again)}</p>
                """;
            message = new MailMessage(request.ContactEmail, subject, text, html);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        try
        {
            await mail.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotSent(logger, exception, request.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The refusal mail of sign-up request {RequestId} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, long requestId);

    public sealed record Details(
        long Id, string InseeCode, string CommuneName, string? Siren, int Population, string OfficialDomain,
        string ContactName, string ContactFunction, string ContactEmail, string? ContactPhone, bool ContactOutsideDomain,
        string PlanName, long MonthlyPriceCents, long YearlyPriceCents, int FeeBasisPoints, int? MaxOpenCalls, bool MatchfundingAllowed, bool PlanOffered,
        BillingPeriod Period, string BillingStreet, string BillingPostalCode, string BillingCity,
        SignupStatus Status, DateTime CreatedAtUtc, DateTime ConfirmationExpiresAtUtc, DateTime? ConfirmedAtUtc, DateTime? DecidedAtUtc,
        string? DecidedByName, string? RefusalReason, long? MunicipalityId, string? CityName, string? CitySlug, long Version);
}

/// <summary>The French names of a sign-up request's states and of the billing periods.</summary>
public static class SignupNames
{
    public static string Status(IStringLocalizer l, SignupStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            SignupStatus.AwaitingConfirmation => l["En attente de confirmation"],
            SignupStatus.Confirmed => l["À valider"],
            SignupStatus.Approved => l["Validée"],
            SignupStatus.Refused => l["Refusée"],
        };
    }

    public static string Period(IStringLocalizer l, BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(l);
        return period switch
        {
            BillingPeriod.Monthly => l["facturation mensuelle"],
            BillingPeriod.Yearly => l["facturation annuelle"],
        };
    }
}
