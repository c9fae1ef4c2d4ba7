using System.Globalization;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Labels;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls.Admin;

/// <summary>
/// A call's draft as typed in the back office's form (bound as <c>Input</c>): every value is text,
/// so that nonsense gets a French message instead of a binding error. <see cref="TryRead"/> turns it
/// into the domain's <see cref="CallDraft"/>, reading values only (a number, a date, a known
/// kind); whether the draft is acceptable is the domain's to say (<see cref="Call.Revise"/>), and
/// its refusals name these inputs (<c>Input.Envelope</c>, <c>Input.ClosesAt</c>…).
/// </summary>
public sealed class CallForm
{
    public const string Prefix = ModelStateRefusals.DefaultPrefix;
    public const int BlankRows = 2;
    public const string TitleField = Prefix + "." + nameof(Title);
    public const string DescriptionField = Prefix + "." + nameof(Description);
    public const string CategoryField = Prefix + "." + nameof(Category);
    public const string NeighbourhoodField = Prefix + "." + nameof(NeighbourhoodId);
    public const string EnvelopeField = Prefix + "." + nameof(Envelope);
    public const string WinnersField = Prefix + "." + nameof(WinnersCount);
    public const string EligibilityField = Prefix + ".Eligibility";
    public const string OpensField = Prefix + "." + nameof(OpensAt);
    public const string ClosesField = Prefix + "." + nameof(ClosesAt);
    public const string OfferField = Prefix + "." + nameof(Offer);
    public const string QuestionsField = Prefix + "." + nameof(Questions);
    public const string CriteriaField = Prefix + "." + nameof(Criteria);

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public string? NeighbourhoodId { get; set; }

    public string? Envelope { get; set; }

    public string? WinnersCount { get; set; }

    public bool Individuals { get; set; }

    public bool Associations { get; set; }

    public bool Companies { get; set; }

    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    public List<CommitmentRow> Offer { get; set; } = [];

    public List<QuestionInput> Questions { get; set; } = [];

    public List<CriterionInput> Criteria { get; set; } = [];

    public static string QuestionKey(int row, string field) => $"{QuestionsField}[{row}].{field}";

    public static string CriterionKey(int row, string field) => $"{CriteriaField}[{row}].{field}";

    /// <summary>The stored draft, as the form shows it.</summary>
    public static CallForm From(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new()
        {
            Title = call.Title,
            Description = call.Description,
            Category = call.Category?.ToString(),
            NeighbourhoodId = call.NeighbourhoodId?.ToString(CultureInfo.InvariantCulture),
            Envelope = MoneyInput.ForInput(call.BudgetEnvelopeCents, CultureInfo.GetCultureInfo(Cultures.Default)),
            WinnersCount = call.WinnersCount.ToString(CultureInfo.InvariantCulture),
            Individuals = call.AcceptsIndividuals,
            Associations = call.AcceptsAssociations,
            Companies = call.AcceptsCompanies,
            OpensAt = ParisDates.ForDateTimeInput(call.OpensAtUtc),
            ClosesAt = ParisDates.ForDateTimeInput(call.ClosesAtUtc),
            Offer = call.Offer.OrderBy(o => o.Position).Select(o => CommitmentRow.From(o.ToTerms())).ToList(),
            Questions = call.Questions.OrderBy(q => q.Position)
                .Select(q => new QuestionInput { Label = q.Label, Kind = q.Kind.ToString(), Required = q.IsRequired, Help = q.Help }).ToList(),
            Criteria = call.Criteria.OrderBy(c => c.Position)
                .Select(c => new CriterionInput { Name = c.Name, Weight = c.WeightPercent.ToString(CultureInfo.InvariantCulture), Description = c.Description }).ToList(),
        };
    }

    /// <summary>"Ajouter des lignes": <paramref name="count"/> more blank rows in the offer, the questions and the criteria.</summary>
    public void Pad(int count)
    {
        Offer = FormRows.Pad(Offer, count, BlankRows, Commitment.MaxPerLabel, () => new CommitmentRow());
        Questions = FormRows.Pad(Questions, count, BlankRows, CallQuestion.MaxPerCall, () => new QuestionInput());
        Criteria = FormRows.Pad(Criteria, count, BlankRows, CallCriterion.MaxPerCall, () => new CriterionInput());
    }

    /// <summary>
    /// Reads every value (blank rows are ignored); each value that cannot be read gets its message
    /// next to its input, and then there is no draft.
    /// </summary>
    public CallDraft? TryRead(ModelStateDictionary modelState, IStringLocalizer l, long cityId, IReadOnlyList<StaffMember> staff, IReadOnlyCollection<Neighbourhood> neighbourhoods)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(neighbourhoods);
        var category = ReadCategory(modelState, l);
        var neighbourhood = ReadNeighbourhood(modelState, l, neighbourhoods);
        var envelope = ReadEnvelope(modelState, l);
        var winners = ReadWinners(modelState, l);
        var opens = ReadParisTime(OpensAt, OpensField, modelState, l);
        var closes = ReadParisTime(ClosesAt, ClosesField, modelState, l);
        var offer = CommitmentRows.Read(Offer, OfferField, modelState, l, cityId, staff);
        var questions = ReadQuestions(modelState, l);
        var criteria = ReadCriteria(modelState, l);
        if (!modelState.IsValid)
        {
            return null;
        }

        return new CallDraft(
            Title, Description, category, neighbourhood, envelope, winners!.Value, Individuals, Associations, Companies,
            opens!.Value, closes!.Value, offer, questions, criteria);
    }

    private ProjectCategory? ReadCategory(ModelStateDictionary modelState, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(Category))
        {
            return null;
        }

        var category = Enum.GetValues<ProjectCategory>().Cast<ProjectCategory?>().FirstOrDefault(c => string.Equals(c.ToString(), Category.Trim(), StringComparison.Ordinal));
        if (category is null)
        {
            modelState.AddRefusal(CallRefusals.UnknownCategory, l);
        }

        return category;
    }

    private Neighbourhood? ReadNeighbourhood(ModelStateDictionary modelState, IStringLocalizer l, IReadOnlyCollection<Neighbourhood> neighbourhoods)
    {
        if (string.IsNullOrWhiteSpace(NeighbourhoodId))
        {
            return null;
        }

        if (!long.TryParse(NeighbourhoodId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            modelState.AddModelError(NeighbourhoodField, l["Choisissez le quartier dans la liste."]);
            return null;
        }

        // The city's own neighbourhoods only: an id of another city's is refused as the domain words it.
        var neighbourhood = neighbourhoods.SingleOrDefault(n => n.Id == id);
        if (neighbourhood is null)
        {
            modelState.AddRefusal(CallRefusals.NeighbourhoodOfAnotherCity, l);
        }

        return neighbourhood;
    }

    /// <summary>An amount in euros; a sign is read too, so that the domain refuses a negative envelope in its own words.</summary>
    private long ReadEnvelope(ModelStateDictionary modelState, IStringLocalizer l)
    {
        var text = Envelope?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var negative = text.StartsWith('-');
        if (!MoneyInput.TryParseCents(negative ? text[1..] : text, out var cents, out var error))
        {
            modelState.AddModelError(EnvelopeField, l.Explain(error));
            return 0;
        }

        return negative ? -cents : cents;
    }

    private int? ReadWinners(ModelStateDictionary modelState, IStringLocalizer l)
    {
        if (!int.TryParse(WinnersCount?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var winners))
        {
            modelState.AddRefusal(CallRefusals.WinnersCountOutOfRange.With(Call.MaxWinners), l);
            return null;
        }

        return winners;
    }

    /// <summary>A date and time typed on the clock of Paris (the datetime-local input, or "jj/mm/aaaa hh:mm"), in UTC.</summary>
    private static DateTime? ReadParisTime(string? text, string key, ModelStateDictionary modelState, IStringLocalizer l)
    {
        var outcome = ParisDates.ReadDateTime(text, out var utc);
        string? error = outcome switch
        {
            ParisInput.Read => null,
            ParisInput.Missing => l["Indiquez la date et l'heure (heure de Paris)."].Value,
            ParisInput.Malformed => l["Saisissez une date et une heure au format jj/mm/aaaa hh:mm."].Value,
            ParisInput.DoesNotExist => l["Cette heure n'existe pas à Paris ce jour-là (passage à l'heure d'été) : choisissez-en une autre."].Value,
            ParisInput.Ambiguous => l["Cette heure existe deux fois à Paris ce jour-là (passage à l'heure d'hiver) : choisissez-en une autre."].Value,
        };
        if (error is not null)
        {
            modelState.AddModelError(key, error);
            return null;
        }

        return utc;
    }

    private List<QuestionTerms> ReadQuestions(ModelStateDictionary modelState, IStringLocalizer l)
    {
        var terms = new List<QuestionTerms>();
        foreach (var (row, index) in Questions.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank))
        {
            var kind = Enum.GetValues<QuestionKind>().Cast<QuestionKind?>().FirstOrDefault(k => string.Equals(k.ToString(), row.Kind?.Trim(), StringComparison.Ordinal));
            if (kind is null)
            {
                modelState.AddModelError(QuestionKey(index, nameof(QuestionInput.Kind)), l.Localize(CallRefusals.UnknownQuestionKind));
                continue;
            }

            terms.Add(new QuestionTerms(row.Label, kind.Value, row.Required, row.Help));
        }

        return terms;
    }

    private List<CriterionTerms> ReadCriteria(ModelStateDictionary modelState, IStringLocalizer l)
    {
        var terms = new List<CriterionTerms>();
        foreach (var (row, index) in Criteria.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank))
        {
            var digits = row.Weight?.Replace("%", string.Empty, StringComparison.Ordinal).Trim();
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                modelState.AddModelError(CriterionKey(index, nameof(CriterionInput.Weight)), l["Saisissez un poids entier en pour cent, entre 1 et 100."]);
                continue;
            }

            terms.Add(new CriterionTerms(row.Name, weight, row.Description));
        }

        return terms;
    }

    public sealed class QuestionInput : IFormRow
    {
        public string? Label { get; set; }

        public string? Kind { get; set; }

        public bool Required { get; set; }

        public string? Help { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Help);
    }

    public sealed class CriterionInput : IFormRow
    {
        public string? Name { get; set; }

        public string? Weight { get; set; }

        public string? Description { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Weight) && string.IsNullOrWhiteSpace(Description);
    }
}
