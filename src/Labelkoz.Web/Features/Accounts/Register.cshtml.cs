using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>Creates an account, then sends the link that confirms its e-mail address.</summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class RegisterModel(UserManager<AppUser> users, AccountMails mails, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Read once by the "check your inbox" page.</summary>
    public const string RegisteredEmailKey = "Compte.EmailInscrit";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool EmailTaken { get; private set; }

    /// <summary>Where to go once the account is confirmed and signed in (e.g. back to an invitation); local only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet(string? email)
    {
        // An invitation link pre-fills the invited address.
        if (EmailRules.Normalize(email) is { } invited && invited.Length <= EmailRules.MaxLength)
        {
            Input.Email = invited;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = EmailRules.Normalize(Input.Email)!;
        if (await users.FindByEmailAsync(email) is not null)
        {
            EmailTaken = true;
            ModelState.AddModelError("Input.Email", l["Un compte existe déjà avec cette adresse électronique."]);
            return Page();
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = Cultures.Supported.Any(c => c.Name == CultureInfo.CurrentUICulture.Name) ? CultureInfo.CurrentUICulture.Name : Cultures.Default,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            EmailTaken = result.Has(nameof(IdentityErrorDescriber.DuplicateEmail)) || result.Has(nameof(IdentityErrorDescriber.DuplicateUserName));
            IdentityResults.AddTo(ModelState, result, passwordKey: "Input.Password", emailKey: "Input.Email");
            return Page();
        }

        await mails.SendEmailConfirmationAsync(user, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, cancellationToken);
        TempData[RegisteredEmailKey] = email;
        return RedirectToPage("/Accounts/CheckInbox");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [AccountEmail]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [NoControlCharacters]
        [Display(Name = "Nom affiché")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(CommonPasswordValidator.MaxLength, MinimumLength = CommonPasswordValidator.MinLength, ErrorMessage = "Le mot de passe doit comporter entre {2} et {1} caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
