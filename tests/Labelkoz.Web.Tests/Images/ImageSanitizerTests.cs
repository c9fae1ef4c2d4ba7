using System.Buffers.Binary;
using System.Text;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Labelkoz.Web.Tests.Images;

/// <summary>The one place every upload goes through: only pixels come out, upright, at most 2 560 px, in a type we chose.</summary>
public sealed class ImageSanitizerTests
{
    [Fact]
    public void Jpeg_WithExifGpsAndAuthor_ComesOutWithoutAnyMetadata()
    {
        var source = TestImages.Jpeg(64, 48, TestImages.ExifSegment());
        Assert.True(TestImages.CarriesMetadata(source));
        using (var codec = SKCodec.Create(new MemoryStream(source)))
        {
            Assert.NotNull(codec);
        }

        var clean = Sanitized(source);

        Assert.Equal("image/jpeg", clean.ContentType);
        Assert.Equal("jpg", clean.Extension);
        Assert.False(TestImages.CarriesMetadata(clean.Bytes), string.Join(' ', TestImages.JpegSegments(clean.Bytes).Select(s => s.Marker.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.DoesNotContain(TestImages.JpegSegments(clean.Bytes), s => s.Marker == 0xE1);
        Assert.Equal(-1, clean.Bytes.AsSpan().IndexOf("GPS"u8));
        Assert.Equal((64, 48), (clean.Width, clean.Height));
    }

    [Fact]
    public void ExifOrientation_IsAppliedToThePixels_BeforeTheTagIsDropped()
    {
        // Orientation 6: the camera was turned a quarter clockwise; the stored left half (red) must end up on top.
        var source = TestImages.Jpeg(80, 40, TestImages.ExifSegment(orientation: 6));

        var clean = Sanitized(source);

        Assert.Equal((40, 80), (clean.Width, clean.Height));
        using var bitmap = TestImages.Decode(clean.Bytes);
        Assert.Equal((40, 80), (bitmap.Width, bitmap.Height));
        AssertNear(SKColors.Red, bitmap.GetPixel(20, 10));
        AssertNear(SKColors.Blue, bitmap.GetPixel(20, 70));
    }

    [Theory]
    [InlineData(6000, 4000, 2560, 1707)]
    [InlineData(3000, 5000, 1536, 2560)]
    [InlineData(2560, 100, 2560, 100)]
    public void LargeImage_IsScaledDown_KeepingItsRatio(int width, int height, int expectedWidth, int expectedHeight)
    {
        var clean = Sanitized(TestImages.Jpeg(width, height));

        Assert.Equal((expectedWidth, expectedHeight), (clean.Width, clean.Height));
        using var bitmap = TestImages.Decode(clean.Bytes);
        Assert.Equal((expectedWidth, expectedHeight), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void PngWithTransparency_StaysAPng_WithItsTransparency()
    {
        var clean = Sanitized(TestImages.Png(30, 20, transparent: true));

        Assert.Equal("image/png", clean.ContentType);
        Assert.True(clean.Bytes.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        using var bitmap = TestImages.Decode(clean.Bytes);
        Assert.InRange(bitmap.GetPixel(5, 10).Alpha, 100, 160);
        Assert.False(TestImages.CarriesMetadata(clean.Bytes));
    }

    [Fact]
    public void OpaqueWebp_IsStoredAsJpeg()
    {
        var clean = Sanitized(TestImages.Webp(30, 20));

        Assert.Equal("image/jpeg", clean.ContentType);
        Assert.Equal((30, 20), (clean.Width, clean.Height));
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "texte renommé", Encoding.UTF8.GetBytes("Bonjour, ceci est un texte.") },
        { "HTML renommé", Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(1)</script></body></html>") },
        { "GIF, que Skia lirait", Encoding.Latin1.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000\u0000\u0000\u0000\u00ff\u00ff\u00ff,\u0000\u0000\u0000\u0000\u0001\u0000\u0001\u0000\u0000\u0002\u0002D\u0001\u0000;") },
        { "en-tête JPEG seul", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9] },
        { "JPEG tronqué", TestImages.Jpeg(200, 100)[..300] },
        { "vide", [] },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void WhatIsNotAWholeImage_IsRefused(string what, byte[] bytes)
    {
        var outcome = ImageSanitizer.Sanitize(bytes);

        Assert.True(outcome.Image is null, what);
        Assert.Equal(ImageSanitizer.Problem.NotAnImage, outcome.Refusal);
    }

    [Theory]
    [InlineData(30_000, 30_000)]
    [InlineData(10_000, 9_000)]
    [InlineData(25_000, 10)]
    public void HeaderDeclaringAnAbsurdSize_IsRefused_BeforeDecoding(int width, int height)
    {
        var bomb = WithDeclaredSize(TestImages.Jpeg(16, 16), width, height);

        var outcome = ImageSanitizer.Sanitize(bomb);

        Assert.Null(outcome.Image);
        Assert.Equal(ImageSanitizer.Problem.TooManyPixels, outcome.Refusal);
        Assert.Equal((width, height), (outcome.DeclaredWidth, outcome.DeclaredHeight));
    }

    private static ImageSanitizer.CleanImage Sanitized(byte[] bytes)
    {
        var outcome = ImageSanitizer.Sanitize(bytes);
        Assert.Null(outcome.Refusal);
        return outcome.Image!;
    }

    /// <summary>Rewrites the frame header (SOF0) of a JPEG: a few bytes that promise a huge image.</summary>
    private static byte[] WithDeclaredSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        var at = 2;
        while (copy[at + 1] != 0xC0)
        {
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(at + 2));
        }

        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 7), (ushort)width);
        return copy;
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        Assert.True(
            Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, got {actual}.");
    }
}
