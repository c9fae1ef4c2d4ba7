using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// The person's name, postal address (needed for tax receipts, never shown publicly) and home city.
/// </summary>
[Authorize]
public sealed partial class ProfileModel(UserManager<AppUser> users, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string France = "France";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<CityOption> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            AddressLine1 = user.AddressLine1,
            AddressLine2 = user.AddressLine2,
            PostalCode = user.PostalCode,
            City = user.City,
            Country = user.Country ?? France,
            HomeMunicipalityId = user.HomeMunicipalityId,
        };
        await LoadCitiesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var line1 = Clean(Input.AddressLine1);
        var line2 = Clean(Input.AddressLine2);
        var postalCode = Clean(Input.PostalCode)?.ToUpperInvariant();
        var city = Clean(Input.City);
        var country = Clean(Input.Country);
        CheckAddress(line1, line2, postalCode, city, country);
        if (Input.HomeMunicipalityId is { } homeId && !await db.Municipalities.AnyAsync(m => m.Id == homeId, cancellationToken))
        {
            ModelState.AddModelError("Input.HomeMunicipalityId", l["Cette ville ne fait pas partie de la liste."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadCitiesAsync(cancellationToken);
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.AddressLine1 = line1;
        user.AddressLine2 = line2;
        user.PostalCode = postalCode;
        user.City = city;
        user.Country = line1 is null ? null : country;
        user.HomeMunicipalityId = Input.HomeMunicipalityId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            IdentityResults.AddTo(ModelState, result);
            await LoadCitiesAsync(cancellationToken);
            return Page();
        }

        StatusMessage = l["Votre profil est enregistré."];
        return RedirectToPage();
    }

    /// <summary>
    /// An address is optional, but when one is given it must be complete enough for a tax receipt,
    /// with a French postal code when it is in France.
    /// </summary>
    private void CheckAddress(string? line1, string? line2, string? postalCode, string? city, string? country)
    {
        var anyGiven = line1 is not null || line2 is not null || postalCode is not null || city is not null;
        if (!anyGiven)
        {
            return;
        }

        void Require(string? value, string key, string label)
        {
            if (value is null)
            {
                ModelState.AddModelError(key, l["Pour une adresse complète, renseignez aussi le champ « {0} ».", l[label]]);
            }
        }

        Require(line1, "Input.AddressLine1", "Adresse");
        Require(postalCode, "Input.PostalCode", "Code postal");
        Require(city, "Input.City", "Ville");
        Require(country, "Input.Country", "Pays");
        if (postalCode is null)
        {
            return;
        }

        if (string.Equals(country, France, StringComparison.OrdinalIgnoreCase))
        {
            if (!FrenchPostalCode().IsMatch(postalCode))
            {
                ModelState.AddModelError("Input.PostalCode", l["En France, le code postal comporte 5 chiffres (par exemple 93100)."]);
            }
        }
        else if (!ForeignPostalCode().IsMatch(postalCode))
        {
            ModelState.AddModelError("Input.PostalCode", l["Le code postal ne peut contenir que des lettres, des chiffres, des espaces et des tirets."]);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task LoadCitiesAsync(CancellationToken cancellationToken)
    {
        Cities = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new CityOption(m.Id, m.Name))
            .ToListAsync(cancellationToken);
    }

    [GeneratedRegex(@"^\d{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchPostalCode();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9 \-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ForeignPostalCode();

    public sealed record CityOption(long Id, string Name);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Nom affiché")]
        public string DisplayName { get; set; } = string.Empty;

        [StringLength(200, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Adresse")]
        public string? AddressLine1 { get; set; }

        [StringLength(200, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Complément d'adresse")]
        public string? AddressLine2 { get; set; }

        [StringLength(10, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Code postal")]
        public string? PostalCode { get; set; }

        [StringLength(100, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Ville")]
        public string? City { get; set; }

        [StringLength(100, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Pays")]
        public string? Country { get; set; }

        [Display(Name = "Ma ville sur Labelkoz")]
        public long? HomeMunicipalityId { get; set; }
    }
}
