using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.CityAdmin;

/// <summary>The city's own admin shapes its public site: presentation, colour, logo, neighbourhoods, settings.</summary>
public sealed class CitySiteAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dashboard_ShowsTheCityAndWhereToGo()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var page = await admin.GetAsync(city.AdminPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Administration de {city.Name}", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Période d'essai", page.MainText, StringComparison.Ordinal);
        Assert.Contains($"{city.Neighbourhoods.Count} quartier(s)", page.MainText, StringComparison.Ordinal);
        Assert.Equal(city.AdminPath, page.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector($"main a[href='{city.AdminPath}/identite-visuelle']"));
    }

    [Fact]
    public async Task Presentation_IsSavedAndShownOnThePublicSite()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/presentation");
        Assert.Equal(city.Name, form.Document.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.NotNull(form.Document.QuerySelector("label[for=Input_Presentation]"));

        var saved = await admin.SubmitAsync(form, "form#presentation", new Dictionary<string, string>
        {
            ["Input.Presentation"] = "Premier paragraphe.\r\n\r\nSecond paragraphe <script>alert(1)</script>",
            ["Input.ContactPhone"] = "01 02 03 04 05",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var confirmation = await admin.FollowAsync(saved);
        Assert.Contains("La présentation de la ville a été enregistrée.", confirmation.MainText, StringComparison.Ordinal);
        var site = await admin.GetAsync(city.Path);
        Assert.Contains("Premier paragraphe.", site.MainText, StringComparison.Ordinal);
        Assert.Contains("01 02 03 04 05", site.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", site.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presentation_WithAnUnsafeWebsite_IsRefusedAndNothingIsSaved()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var before = await app.SnapshotAsync(city.Slug);
        var form = await admin.GetAsync($"{city.AdminPath}/presentation");

        var refused = await admin.SubmitAsync(form, "form#presentation", new Dictionary<string, string>
        {
            ["Input.Name"] = $"{city.Name}-sous-Bois",
            ["Input.Website"] = "javascript:alert(1)",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Le site internet doit être une adresse complète commençant par https://.", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal($"{city.Name}-sous-Bois", refused.Document.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
    }

    [Fact]
    public async Task Presentation_SavedOverSomeoneElsesChange_GetsTheConcurrencyMessage()
    {
        var city = await app.Given.City();
        using var first = await app.SignedInAsync(city.Admin.Email);
        using var second = await app.SignedInAsync(city.Admin.Email);
        var firstForm = await first.GetAsync($"{city.AdminPath}/presentation");
        var secondForm = await second.GetAsync($"{city.AdminPath}/presentation");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, "form#presentation", new Dictionary<string, string> { ["Input.ContactPhone"] = "01 11 11 11 11" })).Status);
        var late = await second.SubmitAsync(secondForm, "form#presentation", new Dictionary<string, string> { ["Input.ContactPhone"] = "01 22 22 22 22" });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("Quelqu'un a modifié ces informations en même temps que vous", late.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("01 11 11 11 11", await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.ContactPhone).SingleAsync()));

        // Sent again after reading the message, the form goes through.
        var retried = await second.SubmitAsync(late, "form#presentation");
        Assert.Equal(HttpStatusCode.Redirect, retried.Status);
    }

    [Fact]
    public async Task BrandColour_TypedCode_IsSavedAndThemesTheSite()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");
        Assert.Contains("contraste", form.MainText, StringComparison.Ordinal);
        Assert.NotNull(form.Document.QuerySelector("input[type=color]#Input_Picker"));

        var saved = await admin.SubmitAsync(form, "form#couleur", new Dictionary<string, string> { ["Input.Hex"] = "#ffd500" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var theme = await admin.Client.GetStringAsync($"{city.Path}/theme.css");
        Assert.Contains("--brand: #FFD500", theme, StringComparison.Ordinal);
        Assert.Contains("--brand-text: #000000", theme, StringComparison.Ordinal);
        var after = await admin.FollowAsync(saved);
        Assert.Contains("Texte affiché sur cette couleur : noir (#000000)", after.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrandColour_FromThePicker_IsUsedWhenTheCodeIsUntouched()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");

        var saved = await admin.SubmitAsync(form, "form#couleur", new Dictionary<string, string> { ["Input.Picker"] = "#2d6a4f" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("#2D6A4F", await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.BrandColour).SingleAsync()));
    }

    [Theory]
    [InlineData("#12345G")]
    [InlineData("bleu")]
    [InlineData("#FFF")]
    public async Task BrandColour_Malformed_IsRefusedOnItsField(string colour)
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var before = await app.SnapshotAsync(city.Slug);
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");

        var refused = await admin.SubmitAsync(form, "form#couleur", new Dictionary<string, string> { ["Input.Hex"] = colour });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("#RRVVBB", refused.FieldError("Input_Hex-error"), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
    }

    [Fact]
    public async Task BrandColour_Preview_ShowsTheContrastWithoutSaving()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var before = await app.SnapshotAsync(city.Slug);
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");

        var button = form.Document.QuerySelector("form#couleur button[formaction]")!;
        Assert.Equal($"{city.AdminPath}/identite-visuelle?handler=Preview", button.GetAttribute("formaction"));

        var preview = await admin.PostAsync($"{city.AdminPath}/identite-visuelle?handler=Preview", form, new Dictionary<string, string>
        {
            ["Input.Hex"] = "#FFFF00",
            ["Input.Shown"] = before.BrandColour,
            ["Input.Picker"] = before.BrandColour,
            ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Aperçu de #FFFF00 (non enregistré)", preview.MainText, StringComparison.Ordinal);
        Assert.Contains("noir (#000000), contraste 19,6:1", preview.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
    }

    [Fact]
    public async Task Logo_ValidPng_ReplacesTheOldOne_IsServed_AndTheOldFileIsDeleted()
    {
        var city = await app.Given.City(new CitySpec { WithLogo = true });
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var oldKey = (await app.SnapshotAsync(city.Slug)).LogoFileKey!;
        Assert.True(File.Exists(StoredFile(oldKey)));
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");
        Assert.Equal("multipart/form-data", form.Document.QuerySelector("form#logo")!.GetAttribute("enctype"));
        Assert.Equal("image/png,image/jpeg,image/webp", form.Document.QuerySelector("input[type=file]")!.GetAttribute("accept"));

        var uploaded = await admin.UploadAsync($"{city.AdminPath}/identite-visuelle?handler=Logo", form, "Logo", Given.TinyPng, "logo.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var logo = await admin.Client.GetAsync($"{city.Path}/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        var newKey = (await app.SnapshotAsync(city.Slug)).LogoFileKey!;
        var served = await logo.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(StoredFile(newKey)), served);
        using (var decoded = TestImages.Decode(served))
        {
            Assert.Equal((1, 1), (decoded.Width, decoded.Height));
        }

        Assert.NotEqual(oldKey, newKey);
        Assert.True(File.Exists(StoredFile(newKey)));
        Assert.False(File.Exists(StoredFile(oldKey)));
    }

    [Fact]
    public async Task Logo_IsReencoded_WithoutTheMetadataOfItsFile()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");
        var photo = TestImages.Jpeg(300, 200, TestImages.ExifSegment(artist: "Camille Martin"));

        var uploaded = await admin.UploadAsync($"{city.AdminPath}/identite-visuelle?handler=Logo", form, "Logo", photo, "logo.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var key = (await app.SnapshotAsync(city.Slug)).LogoFileKey!;
        var stored = await File.ReadAllBytesAsync(StoredFile(key));
        Assert.False(TestImages.CarriesMetadata(stored));
        var logo = await admin.Client.GetAsync($"{city.Path}/logo");
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Logo_DeclaredAsPngButAnExecutable_IsRefused()
    {
        byte[] executable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        await AssertLogoRefusedAsync(executable, "logo.png", "image/png", "n'est pas une image PNG, JPEG ou WebP");
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.svg", "image/svg+xml")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000", "logo.gif", "image/gif")]
    [InlineData("", "vide.png", "image/png")]
    public async Task Logo_NotAnAcceptedImage_IsRefused(string content, string fileName, string contentType)
    {
        await AssertLogoRefusedAsync(System.Text.Encoding.Latin1.GetBytes(content), fileName, contentType, null);
    }

    [Fact]
    public async Task Logo_OverOneMegabyte_GetsTheReasonOnTheForm()
    {
        var big = new byte[(2 * 1024 * 1024) + 17];
        Given.TinyPng.CopyTo(big, 0);

        await AssertLogoRefusedAsync(big, "grand.png", "image/png", "le logo ne peut pas dépasser 1 Mo");
    }

    [Fact]
    public async Task Logo_Huge_IsARefusedRequest_NotAnError()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");
        var huge = new byte[12 * 1024 * 1024];

        var refused = await admin.UploadAsync($"{city.AdminPath}/identite-visuelle?handler=Logo", form, "Logo", huge, "enorme.png", "image/png");

        Assert.True((int)refused.Status is 400 or 413, $"Got {(int)refused.Status}");
    }

    [Fact]
    public async Task Neighbourhoods_AreAddedAndRemoved_AndDuplicatesRefused()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync($"{city.AdminPath}/quartiers");
        var count = page.Document.QuerySelectorAll("tbody tr").Length;

        var added = await admin.SubmitAsync(page, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = "Les Malassis" });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        page = await admin.FollowAsync(added);
        Assert.Contains("Le quartier « Les Malassis » a été ajouté.", page.MainText, StringComparison.Ordinal);
        Assert.Equal(count + 1, page.Document.QuerySelectorAll("tbody tr").Length);

        var duplicate = await admin.SubmitAsync(page, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = "les malassis" });
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains("existe déjà", duplicate.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(count + 1, duplicate.Document.QuerySelectorAll("tbody tr").Length);

        var id = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id && n.Name == "Les Malassis").Select(n => n.Id).SingleAsync());
        var removed = await admin.PostAsync($"{city.AdminPath}/quartiers?handler=Remove", page, new Dictionary<string, string> { ["neighbourhoodId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.False(await app.WithDbAsync(db => db.Neighbourhoods.AnyAsync(n => n.MunicipalityId == city.Id && n.Name == "Les Malassis")));
    }

    [Fact]
    public async Task Neighbourhoods_OfAnotherCity_CannotBeRemovedThroughOnesOwnBackOffice()
    {
        var (city, other) = await app.Given.TwoCities();
        using var admin = await app.SignedInAsync(other.Admin.Email);
        var page = await admin.GetAsync($"{other.AdminPath}/quartiers");
        var citys = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id).Select(n => n.Id).FirstAsync());
        var before = await app.SnapshotAsync(city.Slug);

        var refused = await admin.PostAsync($"{other.AdminPath}/quartiers?handler=Remove", page, new Dictionary<string, string> { ["neighbourhoodId"] = citys.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Ce quartier n'existe pas.", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
    }

    [Fact]
    public async Task Neighbourhood_EmptyOrTooLong_GetsAFieldMessage()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync($"{city.AdminPath}/quartiers");

        var empty = await admin.SubmitAsync(page, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = string.Empty });
        var tooLong = await admin.SubmitAsync(page, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = new string('q', 81) });

        Assert.Contains("obligatoire", empty.FieldError("Input_Name-error"), StringComparison.Ordinal);
        Assert.Contains("ne peut pas dépasser 80 caractères", tooLong.FieldError("Input_Name-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_AreSavedAndTheComplianceLevelReachesTheFooter()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/parametres");
        Assert.Equal(4, form.Document.QuerySelectorAll("input[type=radio]").Length);

        var saved = await admin.SubmitAsync(form, "form#parametres", new Dictionary<string, string>
        {
            ["Input.ProjectModeration"] = nameof(ModerationMode.PreModeration),
            ["Input.CommentModeration"] = nameof(ModerationMode.PreModeration),
            ["Input.LabelRequiredForFunding"] = "false",
            ["Input.AccessibilityCompliance"] = "non conforme",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var snapshot = await app.SnapshotAsync(city.Slug);
        Assert.Equal(ModerationMode.PreModeration, snapshot.ProjectModeration);
        Assert.Equal(ModerationMode.PreModeration, snapshot.CommentModeration);
        Assert.False(snapshot.LabelRequiredForFunding);
        var site = await admin.GetAsync(city.Path);
        Assert.Contains("Accessibilité : non conforme", site.Document.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_WithUnknownValues_AreRefusedWithoutAnError()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var before = await app.SnapshotAsync(city.Slug);
        var form = await admin.GetAsync($"{city.AdminPath}/parametres");

        var badLevel = await admin.SubmitAsync(form, "form#parametres", new Dictionary<string, string> { ["Input.AccessibilityCompliance"] = "à moitié" });
        var badMode = await admin.SubmitAsync(form, "form#parametres", new Dictionary<string, string> { ["Input.ProjectModeration"] = "Anarchie" });

        Assert.Equal(HttpStatusCode.OK, badLevel.Status);
        Assert.Contains("Le niveau de conformité doit être", badLevel.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badMode.Status);
        Assert.NotEmpty(badMode.ErrorSummary());
        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
    }

    private async Task AssertLogoRefusedAsync(byte[] content, string fileName, string contentType, string? expected)
    {
        var city = await app.Given.City(new CitySpec { WithLogo = true });
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var before = await app.SnapshotAsync(city.Slug);
        var files = Directory.GetFiles(Path.Combine(app.DataDirectory, "files", "logos")).Length;
        var form = await admin.GetAsync($"{city.AdminPath}/identite-visuelle");

        var refused = await admin.UploadAsync($"{city.AdminPath}/identite-visuelle?handler=Logo", form, "Logo", content, fileName, contentType);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var message = refused.FieldError("Logo-error");
        Assert.NotEmpty(message);
        if (expected is not null)
        {
            Assert.Contains(expected, message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
        Assert.Equal(files, Directory.GetFiles(Path.Combine(app.DataDirectory, "files", "logos")).Length);
        Assert.Equal(before.BrandColour, refused.Document.QuerySelector<IHtmlInputElement>("#Input_Hex")!.Value);
    }

    private string StoredFile(string key) => Path.Combine(app.DataDirectory, "files", key);
}
