using Labelkoz.Domain.Privacy;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Legal.Admin;

/// <summary>
/// The city's processing register (RGPD art. 30): the activities the platform performs for it, as
/// <see cref="ProcessingActivities"/> declares them, with the city's and the platform's contacts.
/// </summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class RegisterModel(LegalSite site, IStringLocalizer<SharedResource> l) : PageModel
{
    public LegalView Site { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Site = await site.CurrentAsync(cancellationToken);
        Rows = [.. ProcessingActivities.All.Select(ToRow)];
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var csv = new CsvFile();
        csv.Line([
            l["Traitement"], l["Responsable du traitement"], l["Contact"], l["Finalité"], l["Base légale"], l["Catégories de données"],
            l["Personnes concernées"], l["Destinataires"], l["Durées de conservation"], l["Mesures de sécurité"],
        ]);
        foreach (var row in Rows)
        {
            csv.Line([row.Name, row.Controller, row.Contact, row.Purpose, row.LegalBasis, row.DataCategories, row.DataSubjects, row.Recipients, row.Retention, row.Security]);
        }

        return File(csv.ToBytes(), Csv.ContentType, $"registre-des-traitements-{Site.CitySlug}.csv");
    }

    private Row ToRow(ProcessingActivity activity)
    {
        var (controller, contact) = activity.Controller switch
        {
            DataController.City => (
                l["Commune de {0}", Site.SiteName].Value,
                Site.CityDpo is { } dpo ? Join([dpo.FullName, dpo.Email]) : Site.Publisher.ContactEmail ?? string.Empty),
            DataController.Platform => (Site.Operator.Name, Join([Site.PlatformDpo.FullName, Site.PlatformDpo.Email])),
        };
        return new Row(
            l[activity.Name], controller, contact, l[activity.Purpose], l[activity.LegalBasis],
            Join(activity.DataCategories.Select(c => l[c].Value)),
            Join(activity.DataSubjects.Select(s => l[s].Value)),
            Join(activity.Recipients.Select(r => l[r].Value)),
            string.Join(" ; ", activity.Retention.Select(Retention)),
            Join(ProcessingActivities.SecurityMeasures.Select(m => l[m].Value)));
    }

    private string Retention(RetentionPeriod period) => $"{l[period.Data]} : {l[period.Rule]}";

    private static string Join(IEnumerable<string?> parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    public sealed record Row(
        string Name, string Controller, string Contact, string Purpose, string LegalBasis, string DataCategories, string DataSubjects,
        string Recipients, string Retention, string Security);
}
