using System.Globalization;
using PdfSharp.Drawing;

namespace Labelkoz.Web.Infrastructure.Pdf;

/// <summary>A piece of text in a line: plain, bold, or an option with its checkbox.</summary>
/// <param name="Text">The words; '\n' starts a new line.</param>
/// <param name="Bold">Whether the words are drawn in bold.</param>
/// <param name="Box">When not null, a checkbox is drawn before the words, crossed when true.</param>
public readonly record struct PdfRun(string Text, bool Bold = false, bool? Box = null)
{
    public static PdfRun Plain(string text) => new(text);

    public static PdfRun Strong(string text) => new(text, Bold: true);

    /// <summary>
    /// An option of a form: a drawn square, crossed when <paramref name="ticked"/>, and its label,
    /// in bold when ticked, so that the choice also reads in the extracted text's fonts.
    /// </summary>
    public static PdfRun Choice(string label, bool ticked) => new(label, Bold: ticked, Box: ticked);
}

/// <summary>
/// Writes text down a page, top to bottom, wrapping at word boundaries (and inside a word longer
/// than the line), and keeps track of the height used: the caller can tell that the content did not
/// fit (<see cref="HasOverflowed"/>) and lay it out again smaller, rather than lose text.
/// </summary>
/// <remarks>
/// The wrapping is done here rather than with <c>XTextFormatter</c>, which neither reports the height
/// it used nor mixes fonts and checkboxes, and silently drops the lines that do not fit its rectangle.
/// Every word after the first of a line is drawn with its leading space, so text extraction gets the
/// spaces back.
/// </remarks>
public sealed class PdfText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly XGraphics graphics;
    private readonly XRect area;
    private readonly Dictionary<(double Size, bool Bold), XFont> fonts = [];
    private double y;

    public PdfText(XGraphics graphics, XRect area, double fontSize)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fontSize);
        this.graphics = graphics;
        this.area = area;
        FontSize = fontSize;
        y = area.Top;
    }

    /// <summary>The base font size, in points; headings and titles are drawn relative to it.</summary>
    public double FontSize { get; }

    /// <summary>Where the next line will start.</summary>
    public double Y => y;

    /// <summary>True when something was drawn below the bottom of the area.</summary>
    public bool HasOverflowed => y > area.Bottom + 0.01;

    /// <summary>Formats an amount in cents the French way: 123450 → "1 234,50" (no-break space between thousands).</summary>
    public static string Euros(long cents)
    {
        var format = (NumberFormatInfo)French.NumberFormat.Clone();
        format.NumberGroupSeparator = "\u00A0";
        format.NumberDecimalSeparator = ",";
        return (cents / 100m).ToString("N2", format);
    }

    /// <summary>Leaves a vertical gap of <paramref name="lines"/> times the base font size.</summary>
    public void Space(double lines = 0.5) => y += FontSize * lines;

    /// <summary>A paragraph of text, wrapped in the area's width.</summary>
    public void Paragraph(string text, bool bold = false, double scale = 1, bool centered = false, XColor? color = null) =>
        Write([new PdfRun(text, bold)], scale, centered, color);

    /// <summary>"Label : value", the label in bold, the value wrapped after it.</summary>
    public void Field(string label, string value) =>
        Write([PdfRun.Strong(label + " :"), PdfRun.Plain(value)]);

    /// <summary>A line of options, each with its checkbox, after an optional lead sentence.</summary>
    public void Choices(string? lead, params IEnumerable<(string Label, bool Ticked)> options)
    {
        var runs = new List<PdfRun>();
        if (lead is not null)
        {
            runs.Add(PdfRun.Plain(lead));
        }

        runs.AddRange(options.Select(o => PdfRun.Choice(o.Label, o.Ticked)));
        Write(runs);
    }

    /// <summary>A section heading: bold text on a grey band across the area.</summary>
    public void Heading(string text)
    {
        var padding = FontSize * 0.3;
        var lines = Layout([PdfRun.Strong(text)], 1.1, area.Width - (2 * padding));
        var height = lines.Sum(l => l.Height) + (2 * padding);
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(225, 225, 225)), area.Left, y, area.Width, height);
        Draw(lines, area.Left + padding, y + padding, area.Width - (2 * padding), centered: false, XBrushes.Black);
        y += height + (FontSize * 0.3);
    }

    /// <summary>A framed, coloured block: a large bold title, then an optional note, both centred.</summary>
    public void Banner(string title, string? note, XColor color)
    {
        var padding = FontSize * 0.6;
        var inner = area.Width - (2 * padding);
        var titleLines = Layout([PdfRun.Strong(title)], 1.8, inner);
        var noteLines = note is null ? [] : Layout([PdfRun.Plain(note)], 1, inner);
        var height = titleLines.Sum(l => l.Height) + noteLines.Sum(l => l.Height) + (2 * padding);
        var brush = new XSolidBrush(color);
        graphics.DrawRectangle(new XPen(color, 2), area.Left, y, area.Width, height);
        var top = Draw(titleLines, area.Left + padding, y + padding, inner, centered: true, brush);
        Draw(noteLines, area.Left + padding, top, inner, centered: true, brush);
        y += height + (FontSize * 0.5);
    }

    /// <summary>A thin horizontal line across the area.</summary>
    public void Rule()
    {
        var middle = y + (FontSize * 0.4);
        graphics.DrawLine(new XPen(XColors.Gray, 0.5), area.Left, middle, area.Right, middle);
        y += FontSize * 0.8;
    }

    /// <summary>Mixed runs, wrapped in the area's width.</summary>
    public void Write(IReadOnlyList<PdfRun> runs, double scale = 1, bool centered = false, XColor? color = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var lines = Layout(runs, scale, area.Width);
        XBrush brush = color is { } c ? new XSolidBrush(c) : XBrushes.Black;
        y = Draw(lines, area.Left, y, area.Width, centered, brush);
    }

    private XFont Font(double size, bool bold)
    {
        if (!fonts.TryGetValue((size, bold), out var font))
        {
            font = bold ? PdfFonts.Bold(size) : PdfFonts.Regular(size);
            fonts[(size, bold)] = font;
        }

        return font;
    }

    private double Measure(string text, XFont font) => graphics.MeasureString(text, font).Width;

    private static double BoxSize(XFont font) => font.Size * 0.8;

    private static double BoxGap(XFont font) => font.Size * 0.35;

    // Extra room before each option's box, so options on one line read as separate choices.
    private static double OptionGap(XFont font) => font.Size * 0.8;

    private List<Line> Layout(IReadOnlyList<PdfRun> runs, double scale, double width)
    {
        var size = FontSize * scale;
        var lines = new List<Line>();
        var current = new Line(Font(size, false).GetHeight());
        var x = 0d;

        void BreakLine()
        {
            lines.Add(current);
            current = new Line(Font(size, false).GetHeight());
            x = 0;
        }

        foreach (var run in runs)
        {
            var font = Font(size, run.Bold);
            var paragraphs = run.Text.Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    BreakLine();
                }

                var words = paragraphs[p].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 && run.Box is not null && p == 0)
                {
                    words = [string.Empty];
                }

                if (run.Box is not null && p == 0 && current.Words.Count > 0)
                {
                    // An option starts a new line rather than leave its box apart from the end of its label.
                    var option = Measure(" ", font) + OptionGap(font) + BoxSize(font) + BoxGap(font) + Measure(string.Join(' ', words), font);
                    if (x + option > width && option <= width)
                    {
                        BreakLine();
                    }
                }

                for (var w = 0; w < words.Length; w++)
                {
                    var box = w == 0 && p == 0 ? run.Box : null;
                    var boxWidth = box is null ? 0 : BoxSize(font) + BoxGap(font);
                    var pending = words[w];
                    while (true)
                    {
                        var space = current.Words.Count == 0 ? 0 : Measure(" ", font) + (box is null ? 0 : OptionGap(font));
                        var wordWidth = boxWidth + Measure(pending, font);
                        if (x + space + wordWidth <= width)
                        {
                            current.Words.Add(new Word(pending, font, box, x + space, current.Words.Count > 0));
                            current.Height = Math.Max(current.Height, font.GetHeight());
                            x += space + wordWidth;
                            break;
                        }

                        if (current.Words.Count > 0)
                        {
                            BreakLine();
                            continue;
                        }

                        // A word wider than the whole line: cut it where it stops fitting, never drop it.
                        var fits = 1;
                        while (fits < pending.Length && boxWidth + Measure(pending[..(fits + 1)], font) <= width)
                        {
                            fits++;
                        }

                        current.Words.Add(new Word(pending[..fits], font, box, 0, false));
                        current.Height = Math.Max(current.Height, font.GetHeight());
                        pending = pending[fits..];
                        box = null;
                        boxWidth = 0;
                        if (pending.Length == 0)
                        {
                            x = Measure(current.Words[^1].Text, font);
                            break;
                        }

                        BreakLine();
                    }
                }
            }
        }

        lines.Add(current);
        return lines;
    }

    private double Draw(List<Line> lines, double left, double top, double width, bool centered, XBrush brush)
    {
        var pen = new XPen(XColors.Black, 0.7);
        foreach (var line in lines)
        {
            var offset = 0d;
            if (centered && line.Words.Count > 0)
            {
                var last = line.Words[^1];
                var used = last.X + (last.Box is null ? 0 : BoxSize(last.Font) + BoxGap(last.Font)) + Measure(last.Text, last.Font);
                offset = Math.Max(0, (width - used) / 2);
            }

            foreach (var word in line.Words)
            {
                var x = left + offset + word.X;
                if (word.SpaceBefore)
                {
                    graphics.DrawString(" ", word.Font, brush, x - Measure(" ", word.Font), top, XStringFormats.TopLeft);
                }

                if (word.Box is { } ticked)
                {
                    var side = BoxSize(word.Font);
                    var boxTop = top + ((line.Height - side) / 2);
                    graphics.DrawRectangle(pen, x, boxTop, side, side);
                    if (ticked)
                    {
                        var inset = side * 0.2;
                        graphics.DrawLine(pen, x + inset, boxTop + inset, x + side - inset, boxTop + side - inset);
                        graphics.DrawLine(pen, x + inset, boxTop + side - inset, x + side - inset, boxTop + inset);
                    }

                    x += side + BoxGap(word.Font);
                }

                if (word.Text.Length > 0)
                {
                    graphics.DrawString(word.Text, word.Font, brush, x, top, XStringFormats.TopLeft);
                }
            }

            top += line.Height;
        }

        return top;
    }

    private sealed class Line(double height)
    {
        public List<Word> Words { get; } = [];

        public double Height { get; set; } = height;
    }

    private sealed record Word(string Text, XFont Font, bool? Box, double X, bool SpaceBefore);
}
