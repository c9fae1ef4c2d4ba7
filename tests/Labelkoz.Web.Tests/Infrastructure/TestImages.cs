using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>Real images made for a test, and a reader of JPEG segments to see what metadata a file carries.</summary>
public static class TestImages
{
    /// <summary>A JPEG whose left half is red and right half blue, optionally with an EXIF segment (orientation, artist, GPS position).</summary>
    public static byte[] Jpeg(int width, int height, byte[]? exif = null)
    {
        var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg, transparent: false);
        return exif is null ? jpeg : SpliceAfterStartOfImage(jpeg, exif);
    }

    public static byte[] Png(int width, int height, bool transparent) => Encode(width, height, SKEncodedImageFormat.Png, transparent);

    public static byte[] Webp(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp, transparent: false);

    /// <summary>
    /// An APP1 "Exif" segment, big-endian TIFF: IFD0 with Orientation, Artist and a pointer to a GPS
    /// IFD holding latitude 48°51'29.6" N and longitude 2°17'40.2" E.
    /// </summary>
    public static byte[] ExifSegment(ushort orientation = 1, string artist = "Camille Martin")
    {
        var artistBytes = Encoding.ASCII.GetBytes(artist + "\0");
        const int ifd0 = 8;
        const int ifd0Length = 2 + (3 * 12) + 4;
        var artistOffset = ifd0 + ifd0Length;
        var gpsOffset = artistOffset + artistBytes.Length + (artistBytes.Length % 2);
        const int gpsLength = 2 + (4 * 12) + 4;
        var latitudeOffset = gpsOffset + gpsLength;
        var longitudeOffset = latitudeOffset + 24;
        var tiff = new byte[longitudeOffset + 24];

        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), ifd0);

        var at = ifd0;
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), 3);
        at += 2;
        at = Entry(tiff, at, 0x0112, 3, 1, (uint)orientation << 16);
        at = Entry(tiff, at, 0x013B, 2, (uint)artistBytes.Length, (uint)artistOffset);
        at = Entry(tiff, at, 0x8825, 4, 1, (uint)gpsOffset);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), 0);
        artistBytes.CopyTo(tiff, artistOffset);

        at = gpsOffset;
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), 4);
        at += 2;
        at = Entry(tiff, at, 0x0001, 2, 2, (uint)'N' << 24);
        at = Entry(tiff, at, 0x0002, 5, 3, (uint)latitudeOffset);
        at = Entry(tiff, at, 0x0003, 2, 2, (uint)'E' << 24);
        at = Entry(tiff, at, 0x0004, 5, 3, (uint)longitudeOffset);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), 0);
        Rationals(tiff, latitudeOffset, (48, 1), (51, 1), (296, 10));
        Rationals(tiff, longitudeOffset, (2, 1), (17, 1), (402, 10));

        var payload = new byte[6 + tiff.Length];
        "Exif\0\0"u8.CopyTo(payload);
        tiff.CopyTo(payload, 6);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>The markers of a JPEG's segments before the image data (APPn, COM, DQT, SOF...), with their payloads.</summary>
    public static IReadOnlyList<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        Assert.True(jpeg.Length > 4 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "Not a JPEG.");
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add((marker, jpeg.AsSpan(at + 4, length - 2).ToArray()));
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return segments;
    }

    /// <summary>Whether a stored file still carries anything that could say who took it, where or with what.</summary>
    public static bool CarriesMetadata(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var bytes = file.AsSpan();
        if (bytes.IndexOf("Exif"u8) >= 0 || bytes.IndexOf("Camille Martin"u8) >= 0 || bytes.IndexOf("http://ns.adobe.com/xap"u8) >= 0)
        {
            return true;
        }

        if (file.Length > 2 && file[0] == 0xFF && file[1] == 0xD8)
        {
            // APP1 (EXIF, XMP) to APP15 and comments; APP0 (JFIF) only says the pixel density.
            return JpegSegments(file).Any(s => s.Marker is >= 0xE1 and <= 0xEF or 0xFE);
        }

        return bytes.IndexOf("eXIf"u8) >= 0 || bytes.IndexOf("tEXt"u8) >= 0 || bytes.IndexOf("iTXt"u8) >= 0 || bytes.IndexOf("zTXt"u8) >= 0;
    }

    public static SKBitmap Decode(byte[] file) => SKBitmap.Decode(file) ?? throw new InvalidOperationException("Not decodable.");

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, bool transparent)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            using var red = new SKPaint { Color = transparent ? new SKColor(255, 0, 0, 128) : SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] SpliceAfterStartOfImage(byte[] jpeg, byte[] segment)
    {
        var spliced = new byte[jpeg.Length + segment.Length];
        jpeg.AsSpan(0, 2).CopyTo(spliced);
        segment.CopyTo(spliced, 2);
        jpeg.AsSpan(2).CopyTo(spliced.AsSpan(2 + segment.Length));
        return spliced;
    }

    private static int Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
        return at + 12;
    }

    private static void Rationals(byte[] tiff, int at, params (uint Numerator, uint Denominator)[] values)
    {
        foreach (var (numerator, denominator) in values)
        {
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), numerator);
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), denominator);
            at += 8;
        }
    }
}
