using SkiaSharp;

namespace Labelkoz.Web.Infrastructure.Storage;

/// <summary>
/// Every uploaded image is decoded and drawn again before it is stored: what reaches the disk is
/// only pixels we encoded ourselves, so no metadata (EXIF GPS position, author, camera, comments,
/// XMP) and no bytes smuggled after the image survive. The type is decided by the bytes, never by
/// the name or the declared type; dimensions are read from the header before anything is decoded,
/// so a small file that declares a gigantic image (a decompression bomb) is refused cheaply.
/// </summary>
public static class ImageSanitizer
{
    /// <summary>The longest side of a stored image: larger ones are scaled down, keeping their ratio.</summary>
    public const int MaxSide = 2560;

    /// <summary>What a header may declare: above it nothing is decoded (a 100 MP image needs 400 MB of pixels).</summary>
    public const long MaxDeclaredPixels = 50_000_000;

    public const int MaxDeclaredSide = 20_000;

    /// <summary>Good enough for photos on screen, a third of the size of quality 100.</summary>
    public const int JpegQuality = 85;

    public enum Problem
    {
        /// <summary>Not a JPEG, PNG or WebP file, or one the decoder cannot read whole.</summary>
        NotAnImage,

        /// <summary>The header declares more pixels than <see cref="MaxDeclaredPixels"/> or a side above <see cref="MaxDeclaredSide"/>.</summary>
        TooManyPixels,
    }

    /// <summary>The stored image: always re-encoded, as PNG (sources in PNG, or with transparency) or JPEG.</summary>
    public sealed record CleanImage(byte[] Bytes, string ContentType, string Extension, int Width, int Height);

    /// <summary>The re-encoded image, or the problem; the declared size is what the header claimed.</summary>
    public sealed record Outcome(CleanImage? Image, Problem? Refusal, int DeclaredWidth = 0, int DeclaredHeight = 0);

    public static Outcome Sanitize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);

        // Skia reads more formats (GIF, BMP, ICO, HEIF...): only the three we accept go further.
        if (ImageSniffer.Detect(bytes) is not { } kind)
        {
            return new Outcome(null, Problem.NotAnImage);
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new Outcome(null, Problem.NotAnImage);
        }

        var declared = codec.Info;
        if (declared.Width <= 0 || declared.Height <= 0)
        {
            return new Outcome(null, Problem.NotAnImage);
        }

        if (declared.Width > MaxDeclaredSide || declared.Height > MaxDeclaredSide || (long)declared.Width * declared.Height > MaxDeclaredPixels)
        {
            return new Outcome(null, Problem.TooManyPixels, declared.Width, declared.Height);
        }

        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return new Outcome(null, Problem.NotAnImage);
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var sized = FitWithin(upright ?? decoded);
        var final = sized ?? upright ?? decoded;

        var asPng = kind.ContentType == "image/png" || HasTransparency(final);

        // The pixels are sRGB already (converted at decoding); untagged, the encoder writes no ICC
        // profile either, so the file holds nothing but the image (browsers take untagged as sRGB).
        using var tagged = final.PeekPixels();
        using var untagged = new SKPixmap(tagged.Info.WithColorSpace(null), tagged.GetPixels(), tagged.RowBytes);
        using var encoded = asPng
            ? untagged.Encode(SKEncodedImageFormat.Png, 100)
            : untagged.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        if (encoded is null)
        {
            return new Outcome(null, Problem.NotAnImage);
        }

        return new Outcome(
            new CleanImage(encoded.ToArray(), asPng ? "image/png" : "image/jpeg", asPng ? "png" : "jpg", final.Width, final.Height),
            null,
            declared.Width,
            declared.Height);
    }

    /// <summary>
    /// Decodes into sRGB, premultiplied: at a reduced scale when the format can (JPEG decodes by
    /// eighths), so a large photo is never held at full size when 2 560 px is all that is kept.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = longest > MaxSide ? codec.GetScaledDimensions((float)MaxSide / longest) : codec.Info.Size;

        // A scaled decode must not land under the target: then the full size is decoded and resized.
        if (Math.Max(size.Width, size.Height) < Math.Min(MaxSide, longest))
        {
            size = codec.Info.Size;
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // IncompleteInput included: a truncated file would be stored with grey bands.
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>Applies the EXIF orientation to the pixels, since the tag that carried it is not kept.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return null;
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default, null);
        canvas.Flush();
        return target;
    }

    private static SKBitmap? FitWithin(SKBitmap source)
    {
        var longest = Math.Max(source.Width, source.Height);
        if (longest <= MaxSide)
        {
            return null;
        }

        var scale = (double)MaxSide / longest;
        var w = Math.Max(1, (int)Math.Round(source.Width * scale));
        var h = Math.Max(1, (int)Math.Round(source.Height * scale));
        return source.Resize(new SKImageInfo(w, h, source.ColorType, source.AlphaType, source.ColorSpace), new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return false;
        }

        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 0xFF)
            {
                return true;
            }
        }

        return false;
    }
}
