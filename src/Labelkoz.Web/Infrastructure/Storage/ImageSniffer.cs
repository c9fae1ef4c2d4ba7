namespace Labelkoz.Web.Infrastructure.Storage;

/// <summary>Recognises an image by its first bytes, never by its file name or declared type.</summary>
public static class ImageSniffer
{
    public sealed record ImageKind(string ContentType, string Extension);

    public static ImageKind? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return new ImageKind("image/png", "png");
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return new ImageKind("image/jpeg", "jpg");
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return new ImageKind("image/webp", "webp");
        }

        return null;
    }
}
