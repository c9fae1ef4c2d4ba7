using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Operator;

/// <summary>
/// The operator opens a municipality's site by hand and invites its first admin: the city, the
/// invitation and its 30-day trial on the plan suggested for its population (billed monthly) are
/// saved together (<see cref="CityOpening"/>), then the invitation mail leaves.
/// </summary>
public sealed class NewCityModel(AppDbContext db, CityOpening opening, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string DefaultColour = "#1F4E8C";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        BrandColour? colour = null;
        try
        {
            colour = BrandColour.Parse(string.IsNullOrWhiteSpace(Input.BrandColour) ? DefaultColour : Input.BrandColour);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, l);
        }

        if (!ModelState.IsValid || colour is null)
        {
            return Page();
        }

        // The domain says whether these make a city (name, address, INSEE code, population), each
        // refusal next to its field; CityOpening creates it with what the domain made of them.
        Municipality candidate;
        try
        {
            candidate = Municipality.Create(
                Input.Name, string.IsNullOrWhiteSpace(Input.Slug) ? Slug.FromName(Input.Name!) : Input.Slug, Input.InseeCode, Input.Population!.Value, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, l);
            return Page();
        }

        var (slug, insee) = (candidate.Slug, candidate.InseeCode);
        if (await ReportTakenAsync(slug, insee, cancellationToken))
        {
            return Page();
        }

        var population = candidate.Population;
        var plan = Plan.Suggest(await db.Plans.Where(p => p.IsOffered).ToListAsync(cancellationToken), population);
        if (plan is null)
        {
            ModelState.AddModelError(Field(nameof(InputModel.Population)), l["Aucune offre n'est proposée pour une commune de {0} habitants : créez-en une avant d'ouvrir ce site.", population.ToString("N0", CultureInfo.CurrentCulture)]);
            return Page();
        }

        var outcome = await opening.OpenAsync(
            new CityOpening.NewCity(candidate.Name, slug, insee, population, null, null, colour.Value, Input.AdminEmail!, plan, BillingPeriod.Monthly),
            User.IdOrNull(),
            null,
            cancellationToken);
        if (outcome.City is not { } city)
        {
            ReportTaken(slug, insee, outcome.Taken!);
            return Page();
        }

        var sent = await opening.SendInvitationAsync(Request, city, cancellationToken);
        TempData["StatusMessage"] = sent
            ? l["La collectivité {0} est créée ; une invitation a été envoyée à {1}.", city.CityName, city.AdminEmail].Value
            : l["La collectivité {0} est créée, mais le courriel d'invitation n'a pas pu partir : renvoyez-le depuis cette page.", city.CityName].Value;
        return RedirectToPage("/Operator/City", new { id = city.CityId });
    }

    /// <summary>Puts "already taken" on the slug and INSEE fields; true when either is taken.</summary>
    private async Task<bool> ReportTakenAsync(string slug, string insee, CancellationToken cancellationToken)
    {
        var taken = await opening.TakenAsync(slug, insee, cancellationToken);
        ReportTaken(slug, insee, taken);
        return taken.Any;
    }

    private void ReportTaken(string slug, string insee, CityOpening.Taken taken)
    {
        if (taken.BySlug is { } bySlug)
        {
            ModelState.AddModelError(Field(nameof(InputModel.Slug)), l["L'adresse « {0} » est déjà utilisée par {1}.", slug, bySlug.Name]);
        }

        if (taken.ByInsee is { } byCode)
        {
            ModelState.AddModelError(Field(nameof(InputModel.InseeCode)), l["Le code INSEE {0} est déjà celui de {1}.", insee, byCode.Name]);
        }
    }

    private static string Field(string name) => $"{nameof(Input)}.{name}";

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
