using System.Text.Json;
using Labelkoz.Web.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Labelkoz.Web.Infrastructure.Mail;

/// <summary>
/// The embedded default when no SMTP relay is configured: each message is written to
/// <c>{data}/mail</c> as an .eml file (readable by any mail client) plus a small JSON index, and
/// listed on the Development-only page <c>/dev/courriels</c>.
/// </summary>
public sealed class MailSink(DataDirectory dataDirectory, IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(dataDirectory.Path, "mail")).FullName;

    public sealed record StoredMail(string Id, DateTime SentAtUtc, string To, string Subject, string TextBody, string HtmlBody);

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = $"{now:yyyyMMddHHmmssfff}-{Guid.CreateVersion7():N}";
        using var mime = ToMime(message, options.Value.From);
        await mime.WriteToAsync(Path.Combine(_folder, id + ".eml"), cancellationToken);
        var stored = new StoredMail(id, now, message.To, message.Subject, message.TextBody, message.HtmlBody);
        await File.WriteAllTextAsync(Path.Combine(_folder, id + ".json"), JsonSerializer.Serialize(stored), cancellationToken);
    }

    public IReadOnlyList<StoredMail> List() =>
        Directory.EnumerateFiles(_folder, "*.json")
            .OrderDescending(StringComparer.Ordinal)
            .Select(Read)
            .OfType<StoredMail>()
            .ToList();

    public StoredMail? Find(string id) =>
        id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? Read(Path.Combine(_folder, id + ".json")) : null;

    internal static MimeMessage ToMime(MailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static StoredMail? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<StoredMail>(File.ReadAllText(path)) : null;
}
