using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Subscriptions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Signup.Operator;

/// <summary>
/// The communes' sign-up requests for the operator (issue #7): those to validate first (confirmed by
/// their contact), or those waiting for the contact's confirmation, those decided, or all; newest
/// first, fifty a page. Two SQL commands to show, whatever the number of rows.
/// </summary>
public sealed class SignupsModel(AppDbContext db) : PageModel
{
    public const string PagePath = "/operateur/inscriptions";
    public const int PageSize = 50;

    /// <summary>The filters, "à valider" (the default, no key) first.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Filters =
    [
        ("", "À valider"),
        ("en-attente", "En attente de confirmation"),
        ("traitees", "Traitées"),
        ("toutes", "Toutes"),
    ];

    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public string Filter { get; private set; } = string.Empty;

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = Request.Query["filtre"].ToString();
        Filter = Filters.Any(f => f.Key == filter) ? filter : string.Empty;
        var requests = db.SignupRequests.AsNoTracking();
        requests = Filter switch
        {
            "en-attente" => requests.Where(r => r.Status == SignupStatus.AwaitingConfirmation),
            "traitees" => requests.Where(r => r.Status == SignupStatus.Approved || r.Status == SignupStatus.Refused),
            "toutes" => requests,
            _ => requests.Where(r => r.Status == SignupStatus.Confirmed),
        };
        Total = await requests.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 1, PageCount) : 1;
        Requests = await requests
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new Row(
                r.Id,
                r.CommuneName,
                r.InseeCode,
                r.Population,
                db.Plans.Where(p => p.Id == r.PlanId).Select(p => p.Name).First(),
                r.Period,
                r.ContactName,
                r.ContactFunction,
                r.ContactEmail,
                r.ContactOutsideDomain,
                r.OfficialDomain,
                r.CreatedAtUtc,
                r.Status))
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(string filter, int page)
    {
        var query = new List<string>();
        if (filter.Length > 0)
        {
            query.Add($"filtre={filter}");
        }

        if (page > 1)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }

        return query.Count == 0 ? PagePath : $"{PagePath}?{string.Join('&', query)}";
    }

    public sealed record Row(
        long Id, string CommuneName, string InseeCode, int Population, string PlanName, BillingPeriod Period,
        string ContactName, string ContactFunction, string ContactEmail, bool ContactOutsideDomain, string OfficialDomain,
        DateTime CreatedAtUtc, SignupStatus Status);
}
