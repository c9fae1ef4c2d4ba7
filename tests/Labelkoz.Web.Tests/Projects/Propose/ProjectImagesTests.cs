using System.Net;
using System.Text;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.Projects.Propose;

/// <summary>
/// The holder's images: checked by their bytes, decoded and re-encoded without metadata, at most
/// 2 560 px, 5 MB and 8 per project, stored outside wwwroot, never left orphaned.
/// </summary>
public sealed class ProjectImagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task AcceptedImage_IsStored_ServedWithItsRealType_AndDescribed(string kind)
    {
        // An opaque WebP is stored as a JPEG: the site serves what it encoded itself.
        var (bytes, contentType) = kind switch
        {
            "png" => (Given.TinyPng, "image/png"),
            "jpeg" => (TestImages.Jpeg(12, 8), "image/jpeg"),
            _ => (TestImages.Webp(12, 8), "image/jpeg"),
        };
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet illustré");

        // Declared as something else: the bytes decide.
        var uploaded = await browser.UploadImageAsync(city.Slug, id, bytes, "photo.bin", "application/octet-stream", "Le square au printemps");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var image = (await app.ProjectAsync(id)).Images.Single();
        Assert.Equal(contentType, image.ContentType);
        Assert.Equal("Le square au printemps", image.AltText);
        Assert.StartsWith("projects/", image.FileKey, StringComparison.Ordinal);
        Assert.True(File.Exists(app.StoredFile(image.FileKey)));
        Assert.DoesNotContain("wwwroot", app.StoredFile(image.FileKey), StringComparison.Ordinal);
        var served = await browser.Client.GetAsync(ProjectPaths.Image(city.Slug, id, image.Id));
        Assert.Equal(contentType, served.Content.Headers.ContentType!.MediaType);
        var servedBytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(app.StoredFile(image.FileKey)), servedBytes);
        using (var decoded = TestImages.Decode(servedBytes))
        {
            Assert.Equal(bytes.Length == Given.TinyPng.Length ? (1, 1) : (12, 8), (decoded.Width, decoded.Height));
        }

        var page = await browser.GetAsync(ProposeTestKit.ImagesUrl(city.Slug, id));
        var described = await browser.SubmitAsync(page, $"form#image-{image.Id}-description", new Dictionary<string, string> { ["altText"] = "Le square en été" });
        Assert.Equal(HttpStatusCode.Redirect, described.Status);
        Assert.Equal("Le square en été", (await app.ProjectAsync(id)).Images.Single().AltText);

        var emptied = await browser.SubmitAsync(await browser.GetAsync(ProposeTestKit.ImagesUrl(city.Slug, id)), $"form#image-{image.Id}-description", new Dictionary<string, string> { ["altText"] = "  " });
        Assert.Equal(HttpStatusCode.OK, emptied.Status);
        Assert.Contains("Le champ « Description de l'image » est obligatoire.", emptied.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Le square en été", (await app.ProjectAsync(id)).Images.Single().AltText);
    }

    public static TheoryData<string, byte[], string, string, string> Refused => new()
    {
        { "exécutable renommé", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF], "photo.jpg", "image/jpeg", "n'est pas une image JPEG, PNG ou WebP" },
        { "script shell", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n"), "photo.png", "image/png", "n'est pas une image JPEG, PNG ou WebP" },
        { "SVG", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "dessin.svg", "image/svg+xml", "n'est pas une image JPEG, PNG ou WebP" },
        { "GIF", Encoding.Latin1.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"), "anim.gif", "image/gif", "n'est pas une image JPEG, PNG ou WebP" },
        { "texte renommé en .jpg", Encoding.UTF8.GetBytes("Réunion du conseil de quartier, mardi 18 h."), "photo.jpg", "image/jpeg", "n'est pas une image JPEG, PNG ou WebP" },
        { "page HTML renommée en .jpg", Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"), "photo.jpg", "image/jpeg", "n'est pas une image JPEG, PNG ou WebP" },
        { "JPEG illisible (en-tête seul)", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9], "photo.jpg", "image/jpeg", "n'est pas une image JPEG, PNG ou WebP" },
        { "bombe de décompression", ImageBomb(), "bombe.jpg", "image/jpeg", "ne peut pas dépasser 50 millions de pixels" },
        { "fichier vide", [], "vide.png", "image/png", "Choisissez une image à envoyer." },
        { "plus de 5 Mo", OverFiveMegabytes(), "grande.png", "image/png", "une image ne peut pas dépasser 5 Mo" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task NotAnAcceptedImage_IsRefusedOnTheForm_AndNothingIsStored(string what, byte[] content, string fileName, string contentType, string expected)
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet : " + what);
        var files = app.StoredProjectFiles();
        var before = await app.SnapshotAsync(id);

        var refused = await browser.UploadImageAsync(city.Slug, id, content, fileName, contentType, "Une description");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(expected, refused.TextOf("Upload_File-error"), StringComparison.Ordinal);
        Assert.Contains(expected, refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Une description", refused.ValueOf("#Upload_AltText"));
        Assert.Equal(before, await app.SnapshotAsync(id));
        Assert.Equal(files, app.StoredProjectFiles());
    }

    [Fact]
    public async Task Image_WithoutAltText_IsRefused()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet sans description d'image");
        var files = app.StoredProjectFiles();

        var refused = await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, "a.png", "image/png", altText: null);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Le champ « Description de l'image » est obligatoire.", refused.TextOf("Upload_AltText-error"));
        Assert.Empty((await app.ProjectAsync(id)).Images);
        Assert.Equal(files, app.StoredProjectFiles());
    }

    [Fact]
    public async Task NinthImage_IsRefused_AndItsFileDoesNotLinger()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet très illustré");
        for (var i = 1; i <= 8; i++)
        {
            var uploaded = await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, $"{i}.png", "image/png", $"Image numéro {i}");
            Assert.True(uploaded.IsRedirect, uploaded.MainText);
        }

        var page = await browser.GetAsync(ProposeTestKit.ImagesUrl(city.Slug, id));
        Assert.Null(page.Document.QuerySelector("form#ajout-image"));
        Assert.Contains("nombre maximal de 8 images", page.MainText, StringComparison.Ordinal);
        var files = app.StoredProjectFiles();
        var before = await app.SnapshotAsync(id);

        var refused = await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, "9.png", "image/png", "Image numéro 9");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Un projet ne peut pas avoir plus de 8 images.", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(id));
        Assert.Equal(files, app.StoredProjectFiles());
    }

    [Fact]
    public async Task RemovingAnImage_DeletesItsRowAndItsFile()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet à une image de trop");
        Assert.True((await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, "a.png", "image/png", "Gardée")).IsRedirect);
        Assert.True((await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, "b.png", "image/png", "Retirée")).IsRedirect);
        var images = (await app.ProjectAsync(id)).Images;
        var removed = images.Single(i => i.AltText == "Retirée");
        var page = await browser.GetAsync(ProposeTestKit.ImagesUrl(city.Slug, id));
        page.AssertAccessibleStructure();

        var result = await browser.SubmitAsync(page, $"form#image-{removed.Id}-retrait");

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(["Gardée"], (await app.ProjectAsync(id)).Images.Select(i => i.AltText));
        Assert.False(File.Exists(app.StoredFile(removed.FileKey)));
        Assert.True(File.Exists(app.StoredFile(images.Single(i => i.AltText == "Gardée").FileKey)));
        var after = await browser.FollowAsync(result);
        Assert.Contains("L'image est retirée du projet.", after.MainText, StringComparison.Ordinal);

        var again = await browser.PostAsync(ProposeTestKit.ImagesUrl(city.Slug, id) + "?handler=Remove", after, new Dictionary<string, string> { ["imageId"] = removed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Cette image n'existe pas.", again.ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeUpload_IsARefusedRequest_NotAnError()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet à l'image énorme");

        var refused = await browser.UploadImageAsync(city.Slug, id, new byte[12 * 1024 * 1024], "enorme.png", "image/png", "Énorme");

        Assert.True((int)refused.Status is 400 or 413, $"Got {(int)refused.Status}");
        Assert.Empty((await app.ProjectAsync(id)).Images);
    }

    [Fact]
    public async Task PhotoWithExifGpsPosition_IsStoredWithoutAnyMetadata()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet photographié au téléphone");
        var photo = TestImages.Jpeg(120, 80, TestImages.ExifSegment(orientation: 6, artist: "Camille Martin"));
        Assert.True(TestImages.CarriesMetadata(photo));

        var uploaded = await browser.UploadImageAsync(city.Slug, id, photo, "IMG_2041.jpg", "image/jpeg", "Le jardin partagé");

        Assert.True(uploaded.IsRedirect, uploaded.MainText);
        var image = (await app.ProjectAsync(id)).Images.Single();
        Assert.Equal("image/jpeg", image.ContentType);
        var stored = await File.ReadAllBytesAsync(app.StoredFile(image.FileKey));
        Assert.False(TestImages.CarriesMetadata(stored));
        Assert.Equal(-1, stored.AsSpan().IndexOf("GPS"u8));
        Assert.DoesNotContain(TestImages.JpegSegments(stored), s => s.Marker == 0xE1);
        var served = await (await browser.Client.GetAsync(ProjectPaths.Image(city.Slug, id, image.Id))).Content.ReadAsByteArrayAsync();
        Assert.Equal(stored, served);

        // The orientation the tag carried is in the pixels now: the photo stands upright.
        using var decoded = TestImages.Decode(stored);
        Assert.Equal((80, 120), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task LargePhoto_IsStoredAtMost2560PixelsOnItsLongestSide()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet en haute définition");
        var photo = TestImages.Jpeg(6000, 4000);
        Assert.True(photo.Length < ImagesModelLimit, $"The test photo weighs {photo.Length} bytes.");

        var uploaded = await browser.UploadImageAsync(city.Slug, id, photo, "grand.jpg", "image/jpeg", "La place vue d'en haut");

        Assert.True(uploaded.IsRedirect, uploaded.MainText);
        var image = (await app.ProjectAsync(id)).Images.Single();
        using var decoded = TestImages.Decode(await File.ReadAllBytesAsync(app.StoredFile(image.FileKey)));
        Assert.Equal((2560, 1707), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task PngWithTransparency_StaysAPng()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet au plan détouré");

        var uploaded = await browser.UploadImageAsync(city.Slug, id, TestImages.Png(40, 30, transparent: true), "plan.png", "image/png", "Le plan du kiosque");

        Assert.True(uploaded.IsRedirect, uploaded.MainText);
        var image = (await app.ProjectAsync(id)).Images.Single();
        Assert.Equal("image/png", image.ContentType);
        Assert.EndsWith(".png", image.FileKey, StringComparison.Ordinal);
        var stored = await File.ReadAllBytesAsync(app.StoredFile(image.FileKey));
        using var decoded = TestImages.Decode(stored);
        Assert.Equal((40, 30), (decoded.Width, decoded.Height));
        Assert.InRange(decoded.GetPixel(5, 15).Alpha, 100, 160);
    }

    private const int ImagesModelLimit = Labelkoz.Web.Features.Projects.Propose.ImagesModel.MaxImageBytes;

    /// <summary>A small JPEG whose frame header promises 30 000 × 30 000 pixels.</summary>
    private static byte[] ImageBomb()
    {
        var jpeg = TestImages.Jpeg(16, 16);
        var at = 2;
        while (jpeg[at + 1] != 0xC0)
        {
            at += 2 + System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(at + 5), 30_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(at + 7), 30_000);
        return jpeg;
    }

    private static byte[] OverFiveMegabytes()
    {
        var bytes = new byte[(5 * 1024 * 1024) + 1];
        Given.TinyPng.CopyTo(bytes, 0);
        return bytes;
    }
}
