using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Audit;

/// <summary>
/// The journal's filters, read from the address (<c>?action=…&amp;auteur=…&amp;du=…&amp;au=…&amp;q=…&amp;ville=…&amp;page=…</c>).
/// A value that makes no sense is ignored, not an error: the journal is only ever read.
/// </summary>
public sealed record JournalFilter
{
    public const int TextMaxLength = 100;

    /// <summary>The action or family chosen, as it appears in the address (null: all).</summary>
    public string? Action { get; init; }

    /// <summary>The actions the chosen value stands for (null: all).</summary>
    public IReadOnlyList<AuditAction>? Actions { get; init; }

    public long? ActorId { get; init; }

    /// <summary>First day shown, on the Paris calendar.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day shown (included), on the Paris calendar.</summary>
    public DateOnly? To { get; init; }

    public string? Text { get; init; }

    /// <summary>The operator's city filter; a city's own journal is already limited to it.</summary>
    public long? CityId { get; init; }

    public int Page { get; init; } = 1;

    public bool IsFiltered => Actions is not null || ActorId is not null || From is not null || To is not null || Text is not null || CityId is not null;

    public static JournalFilter Parse(IQueryCollection query, bool withCity)
    {
        ArgumentNullException.ThrowIfNull(query);
        var action = query["action"].ToString().Trim();
        IReadOnlyList<AuditAction>? actions = null;
        string? chosen = null;
        if (AuditNames.Groups.Cast<AuditGroup?>().FirstOrDefault(g => string.Equals(AuditNames.GroupKey(g!.Value), action, StringComparison.OrdinalIgnoreCase)) is { } group)
        {
            actions = AuditNames.ActionsOf(group);
            chosen = AuditNames.GroupKey(group);
        }
        else if (Enum.GetValues<AuditAction>().Cast<AuditAction?>().FirstOrDefault(a => string.Equals(a.ToString(), action, StringComparison.OrdinalIgnoreCase)) is { } single)
        {
            actions = [single];
            chosen = single.ToString();
        }

        var text = query["q"].ToString().Trim();
        return new JournalFilter
        {
            Action = chosen,
            Actions = actions,
            ActorId = Id(query["auteur"]),
            From = Day(query["du"]),
            To = Day(query["au"]),
            Text = text.Length == 0 ? null : text.Length > TextMaxLength ? text[..TextMaxLength] : text,
            CityId = withCity ? Id(query["ville"]) : null,
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
        };
    }

    /// <summary>The entries this filter keeps.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        entries = InCity(entries);
        if (Actions is { } actions)
        {
            entries = actions.Count == 1 ? entries.Where(e => e.Action == actions[0]) : entries.Where(e => actions.Contains(e.Action));
        }

        if (ActorId is { } actor)
        {
            entries = entries.Where(e => e.ActorUserId == actor);
        }

        if (From is { } from)
        {
            var start = Cultures.FromParis(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = Cultures.FromParis(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.AtUtc < end);
        }

        if (Text is { } text)
        {
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
            entries = entries.Where(e => EF.Functions.Like(e.SubjectLabel.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        return entries;
    }

    /// <summary>The entries of the chosen city (all of them when none is chosen).</summary>
    public IQueryable<AuditEntry> InCity(IQueryable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return CityId is { } city ? entries.Where(e => e.MunicipalityId == city) : entries;
    }

    /// <summary>The address of <paramref name="path"/> with these filters, on <paramref name="page"/> (or for the export).</summary>
    public string Url(string path, int page = 1, string? handler = null)
    {
        var values = new List<string>();
        Add("handler", handler);
        Add("action", Action);
        Add("auteur", ActorId?.ToString(CultureInfo.InvariantCulture));
        Add("du", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("au", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("q", Text);
        Add("ville", CityId?.ToString(CultureInfo.InvariantCulture));
        Add("page", page <= 1 ? null : page.ToString(CultureInfo.InvariantCulture));
        return values.Count == 0 ? path : path + "?" + string.Join('&', values);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    private static long? Id(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>A day typed as the date field sends it; years outside the platform's life are ignored.</summary>
    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2999
            ? day
            : null;
}

/// <summary>One line of the journal as pages and exports show it.</summary>
public sealed record JournalRow(
    long Id,
    DateTime AtUtc,
    long MunicipalityId,
    string CityName,
    string CitySlug,
    long? ActorUserId,
    string Actor,
    AuditAction Action,
    AuditSubject SubjectType,
    long? SubjectId,
    string SubjectLabel,
    string? Details,
    string? Before,
    string? After);

/// <summary>Someone who appears in the journal, for the "who" filter.</summary>
public sealed record JournalActor(long Id, string Name);

/// <summary>One page of the journal: a fixed number of SQL commands whatever the number of entries.</summary>
public sealed record JournalPage(IReadOnlyList<JournalActor> Actors, IReadOnlyList<JournalRow> Rows, int Total, int PageNumber, int PageCount)
{
    public const int PageSize = 50;

    /// <summary>Three commands: the people who acted, the number of entries, the page's entries.</summary>
    public static async Task<JournalPage> LoadAsync(AppDbContext db, JournalFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var all = db.AuditEntries.AsNoTracking();

        // A person's name may differ between entries (renamed since): one line per person.
        var named = await filter.InCity(all)
            .Where(e => e.ActorUserId != null)
            .Select(e => new { Id = e.ActorUserId!.Value, e.ActorName })
            .Distinct()
            .ToListAsync(cancellationToken);
        var actors = named
            .GroupBy(a => a.Id)
            .Select(g => new JournalActor(g.Key, g.Select(a => a.ActorName).Order(StringComparer.Ordinal).Last()))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var entries = filter.Apply(all);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var pageNumber = Math.Clamp(filter.Page, 1, pageCount);
        var rows = total == 0
            ? []
            : await Project(db, Newest(entries).Skip((pageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new JournalPage(actors, rows, total, pageNumber, pageCount);
    }

    /// <summary>Every entry the filter keeps, newest first, read as they stream (one command).</summary>
    public static IAsyncEnumerable<JournalRow> Export(AppDbContext db, JournalFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return Project(db, Newest(filter.Apply(db.AuditEntries.AsNoTracking()))).AsAsyncEnumerable();
    }

    private static IOrderedQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);

    private static IQueryable<JournalRow> Project(AppDbContext db, IQueryable<AuditEntry> entries) =>
        entries.Select(e => new JournalRow(
            e.Id,
            e.AtUtc,
            e.MunicipalityId,
            db.Municipalities.Where(m => m.Id == e.MunicipalityId).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
            db.Municipalities.Where(m => m.Id == e.MunicipalityId).Select(m => m.Slug).FirstOrDefault() ?? string.Empty,
            e.ActorUserId,
            e.ActorName,
            e.Action,
            e.SubjectType,
            e.SubjectId,
            e.SubjectLabel,
            e.Details,
            e.Before,
            e.After));
}

/// <summary>A city in the operator's city filter.</summary>
public sealed record JournalCity(long Id, string Name);

/// <summary>What the journal's shared view shows: the city's journal and the operator's.</summary>
/// <param name="Path">The page's address, for the filters and the pages.</param>
/// <param name="Filter">The filters read from the address.</param>
/// <param name="Page">The entries shown and the people in the "who" filter.</param>
/// <param name="Cities">The operator's city filter; null on a city's own journal.</param>
/// <param name="ProjectsPath">Where a project's staff page is (<c>/{slug}/admin/projets</c>); null when the reader is not the city's staff.</param>
public sealed record JournalView(string Path, JournalFilter Filter, JournalPage Page, IReadOnlyList<JournalCity>? Cities, string? ProjectsPath);
