using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.CityAdmin;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Operator;

/// <summary>
/// The operator opens a municipality's site and invites its first admin: the city and the
/// invitation are saved together, then the invitation mail leaves.
/// </summary>
public sealed class NewCityModel(AppDbContext db, TimeProvider clock, InvitationMailer mailer, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string DefaultColour = "#1F4E8C";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CheckName();
        var slug = CheckSlug();
        var insee = CheckInsee();
        var colour = CheckColour();
        if (!ModelState.IsValid || slug is null || insee is null || colour is null)
        {
            return Page();
        }

        if (await ReportTakenAsync(slug, insee.Value, cancellationToken))
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var city = Municipality.Create(Input.Name, slug, insee.Value.Value, Input.Population!.Value, now);
        city.ChangeBrandColour(colour.Value, now);
        var (token, hash) = InvitationTokens.Create();
        var invitation = city.Invite(Input.AdminEmail, StaffRole.Admin, hash, UserId(), now, InvitationTokens.Validity);
        db.Municipalities.Add(city);

        // The entry belongs to the city being created, whose id this very save gives: it points at
        // the city's temporary key, which EF replaces with the real one as it inserts both.
        await audit.RecordAsync(
            AuditAction.CityCreated,
            AuditSubject.Municipality,
            null,
            city.Name,
            after: AuditTrail.Values(
                ("Nom", city.Name),
                ("Adresse du site", "/" + city.Slug),
                ("Code INSEE", city.InseeCode),
                ("Population", city.Population),
                ("Couleur", city.BrandColour),
                ("Premier administrateur invité", invitation.Email),
                ("Abonnement", AuditNames.Recorded(city.SubscriptionStatus))),
            municipalityId: db.Entry(city).Property(m => m.Id).CurrentValue,
            cancellationToken: cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another operator took the slug or the INSEE code between our check and our save.
            db.ChangeTracker.Clear();
            if (!await ReportTakenAsync(slug, insee.Value, cancellationToken))
            {
                throw;
            }

            return Page();
        }

        var sent = await mailer.SendAsync(Request, new(invitation.Email, invitation.Role, city.Name, token, invitation.ExpiresAtUtc), cancellationToken);
        TempData["StatusMessage"] = sent
            ? l["La collectivité {0} est créée ; une invitation a été envoyée à {1}.", city.Name, invitation.Email].Value
            : l["La collectivité {0} est créée, mais le courriel d'invitation n'a pas pu partir : renvoyez-le depuis cette page.", city.Name].Value;
        return RedirectToPage("/Operator/City", new { id = city.Id });
    }

    private void CheckName()
    {
        try
        {
            Text.Required(Input.Name, Municipality.NameMaxLength, l["Nom de la collectivité"]);
        }
        catch (DomainException refusal)
        {
            ModelState.Remove(Field(nameof(InputModel.Name)));
            ModelState.AddModelError(Field(nameof(InputModel.Name)), l.Localize(refusal));
        }
    }

    private string? CheckSlug()
    {
        if (string.IsNullOrWhiteSpace(Input.Slug) && string.IsNullOrWhiteSpace(Input.Name))
        {
            return null;
        }

        var raw = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.FromName(Input.Name!) : Input.Slug.Trim();
        try
        {
            return Slug.Validate(raw);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(Field(nameof(InputModel.Slug)), l.Localize(refusal));
            return null;
        }
    }

    private InseeCode? CheckInsee()
    {
        if (Input.InseeCode is null)
        {
            return null;
        }

        try
        {
            return InseeCode.Parse(Input.InseeCode);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(Field(nameof(InputModel.InseeCode)), l.Localize(refusal));
            return null;
        }
    }

    private BrandColour? CheckColour()
    {
        try
        {
            return BrandColour.Parse(string.IsNullOrWhiteSpace(Input.BrandColour) ? DefaultColour : Input.BrandColour);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(Field(nameof(InputModel.BrandColour)), l.Localize(refusal));
            return null;
        }
    }

    /// <summary>Puts "already taken" on the slug and INSEE fields; true when either is taken.</summary>
    private async Task<bool> ReportTakenAsync(string slug, InseeCode insee, CancellationToken cancellationToken)
    {
        var code = insee.Value;
        var taken = await db.Municipalities.AsNoTracking()
            .Where(m => m.Slug == slug || m.InseeCode == code)
            .Select(m => new { m.Name, m.Slug, m.InseeCode })
            .ToListAsync(cancellationToken);
        if (taken.FirstOrDefault(m => m.Slug == slug) is { } bySlug)
        {
            ModelState.AddModelError(Field(nameof(InputModel.Slug)), l["L'adresse « {0} » est déjà utilisée par {1}.", slug, bySlug.Name]);
        }

        if (taken.FirstOrDefault(m => m.InseeCode == code) is { } byCode)
        {
            ModelState.AddModelError(Field(nameof(InputModel.InseeCode)), l["Le code INSEE {0} est déjà celui de {1}.", code, byCode.Name]);
        }

        return taken.Count > 0;
    }

    private static string Field(string name) => $"{nameof(Input)}.{name}";

    private long? UserId() => long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(Municipality.NameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Nom de la collectivité")]
        public string? Name { get; set; }

        [StringLength(Domain.Municipalities.Slug.MaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Adresse du site")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Display(Name = "Code INSEE")]
        public string? InseeCode { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Range(0, 100_000_000, ErrorMessage = "Le champ « {0} » doit être compris entre {1} et {2}.")]
        [Display(Name = "Population")]
        public int? Population { get; set; }

        [Display(Name = "Couleur de la ville")]
        public string? BrandColour { get; set; } = DefaultColour;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [EmailAddress(ErrorMessage = "Le champ « {0} » doit être une adresse électronique valide.")]
        [StringLength(254, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Courriel du premier administrateur")]
        public string? AdminEmail { get; set; }
    }
}
