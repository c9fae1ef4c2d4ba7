using System.Globalization;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Labels;

/// <summary>A row of a back-office form that may be left empty (and is then ignored).</summary>
public interface IFormRow
{
    bool IsBlank { get; }
}

/// <summary>
/// One row of a commitments editor (a label decision, a call's offer), as typed: every value is
/// read by hand so nonsense gets a French message.
/// </summary>
public sealed class CommitmentRow : IFormRow
{
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public string? EstimatedValue { get; set; }

    public string? ReferentUserId { get; set; }

    public string? CoFinancing { get; set; }

    public string? Grant { get; set; }

    public string? Ratio { get; set; }

    public string? Cap { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(EstimatedValue)
        && string.IsNullOrWhiteSpace(ReferentUserId) && string.IsNullOrWhiteSpace(CoFinancing) && string.IsNullOrWhiteSpace(Grant)
        && string.IsNullOrWhiteSpace(Ratio) && string.IsNullOrWhiteSpace(Cap);

    /// <summary>A stored commitment, as the form shows it back for editing (amounts in French format).</summary>
    public static CommitmentRow From(CommitmentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var french = CultureInfo.GetCultureInfo(Cultures.Default);
        string? Money(long? cents) => cents is { } value ? MoneyInput.ForInput(value, french) : null;
        var coFinanced = terms.Kind == CommitmentKind.CoFinancing;
        return new CommitmentRow
        {
            Kind = terms.Kind.ToString(),
            Description = terms.Description,
            // A co-financing's value is its grant or its cap: it is shown in those fields only.
            EstimatedValue = coFinanced && terms.CoFinancing is not null ? null : Money(terms.EstimatedValueCents),
            ReferentUserId = terms.ReferentUserId?.ToString(CultureInfo.InvariantCulture),
            CoFinancing = terms.CoFinancing?.ToString(),
            Grant = Money(terms.GrantCents),
            Ratio = terms.MatchRatioPercent?.ToString(CultureInfo.InvariantCulture),
            Cap = Money(terms.MatchCapCents),
        };
    }
}

/// <summary>What the shared partial <c>_CommitmentRows.cshtml</c> needs to draw the rows of one form.</summary>
/// <param name="Prefix">The fields' prefix, e.g. <c>Input.Commitments</c>: the rows are <c>Prefix[i].Kind</c>…</param>
/// <param name="IdPrefix">The prefix of the elements' ids, e.g. <c>engagement</c> (rows <c>engagement-0</c>…).</param>
/// <param name="RowClass">The CSS class of each row's fieldset.</param>
/// <param name="Rows">The rows, blank ones included.</param>
/// <param name="Staff">The city's staff, offered as referents.</param>
/// <param name="HintId">The id of the form's hint on amounts, if any.</param>
/// <param name="GroupErrorId">The id of the message about the rows as a whole, if it is shown.</param>
public sealed record CommitmentRowsView(
    string Prefix,
    string IdPrefix,
    string RowClass,
    IReadOnlyList<CommitmentRow> Rows,
    IReadOnlyList<StaffMember> Staff,
    string? HintId,
    string? GroupErrorId);

/// <summary>The blank rows of the back office's row editors ("Ajouter des lignes", without JavaScript).</summary>
public static class FormRows
{
    /// <summary>
    /// Pads the rows with blank ones: at least <paramref name="minimum"/>, one free row after the
    /// filled ones, <paramref name="add"/> more when asked, never more than <paramref name="max"/>.
    /// A forged form with more rows than allowed gets its filled rows shown back.
    /// </summary>
    public static List<T> Pad<T>(List<T> rows, int add, int minimum, int max, Func<T> blank)
        where T : IFormRow
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(blank);
        if (rows.Count > max)
        {
            return rows.Where(r => !r.IsBlank).Take(max * 2).ToList();
        }

        var target = Math.Min(max, Math.Max(rows.Count + add, Math.Max(minimum, rows.Count(r => !r.IsBlank) + 1)));
        while (rows.Count < target)
        {
            rows.Add(blank());
        }

        return rows;
    }
}

/// <summary>
/// The commitments editor shared by the label decision and a call's offer: the rows' keys and
/// their reading into <see cref="CommitmentTerms"/> (padding: <see cref="FormRows.Pad"/>).
/// </summary>
public static class CommitmentRows
{
    public static string RowKey(string prefix, int row) => $"{prefix}[{row}]";

    public static string FieldKey(string prefix, int row, string field) => $"{prefix}[{row}].{field}";

    /// <summary>
    /// Reads the filled rows (blank ones are ignored). Each value that cannot be read gets its
    /// message next to its field, and each row the domain refuses gets it next to the row, under
    /// <paramref name="prefix"/>. Returns the rows that can be used, in order; the caller checks
    /// <see cref="ModelStateDictionary.IsValid"/>.
    /// </summary>
    public static List<CommitmentTerms> Read(
        IReadOnlyList<CommitmentRow> rows,
        string prefix,
        ModelStateDictionary modelState,
        IStringLocalizer l,
        long municipalityId,
        IReadOnlyList<StaffMember> staff)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(staff);
        var reader = new Reader(prefix, modelState, l);
        var terms = new List<CommitmentTerms>();
        var filled = rows.Select((row, index) => (Row: row, Index: index)).Where(x => !x.Row.IsBlank).ToList();
        if (filled.Count > Commitment.MaxPerLabel)
        {
            modelState.AddModelError(string.Empty, l["Un label ne peut pas compter plus de {0} engagements.", Commitment.MaxPerLabel]);
            return terms;
        }

        foreach (var (row, index) in filled)
        {
            var errorsBefore = modelState.ErrorCount;
            var kind = reader.Kind(row.Kind, index);
            var value = reader.Money(row.EstimatedValue, index, nameof(CommitmentRow.EstimatedValue));
            var referent = reader.Referent(row.ReferentUserId, index);
            var mode = reader.Mode(row.CoFinancing, index);
            var grant = reader.Money(row.Grant, index, nameof(CommitmentRow.Grant));
            var ratio = reader.Ratio(row.Ratio, index);
            var cap = reader.Money(row.Cap, index, nameof(CommitmentRow.Cap));
            if (modelState.ErrorCount > errorsBefore || kind is not { } known)
            {
                continue;
            }

            var term = new CommitmentTerms(
                known,
                row.Description,
                value,
                known == CommitmentKind.Expertise ? referent : null,
                known == CommitmentKind.CoFinancing ? mode : null,
                grant,
                ratio,
                cap);
            try
            {
                Commitment.FromTerms(municipalityId, [term], userId => staff.Any(s => s.Id == userId));
                terms.Add(term);
            }
            catch (DomainException refusal)
            {
                modelState.AddModelError(RowKey(prefix, index), l.Localize(refusal));
            }
        }

        return terms;
    }

    private sealed class Reader(string prefix, ModelStateDictionary modelState, IStringLocalizer l)
    {
        public CommitmentKind? Kind(string? text, int row)
        {
            var key = FieldKey(prefix, row, nameof(CommitmentRow.Kind));
            if (string.IsNullOrWhiteSpace(text))
            {
                modelState.AddModelError(key, l["Choisissez le type d'engagement."]);
                return null;
            }

            // By its exact name only: no numbers, no "A, B" combinations.
            var kind = Enum.GetValues<CommitmentKind>().Cast<CommitmentKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text.Trim(), StringComparison.Ordinal));
            if (kind is null)
            {
                modelState.AddModelError(key, l["Ce type d'engagement n'existe pas."]);
            }

            return kind;
        }

        public CoFinancingMode? Mode(string? text, int row)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var mode = Enum.GetValues<CoFinancingMode>().Cast<CoFinancingMode?>().FirstOrDefault(m => string.Equals(m.ToString(), text.Trim(), StringComparison.Ordinal));
            if (mode is null)
            {
                modelState.AddModelError(FieldKey(prefix, row, nameof(CommitmentRow.CoFinancing)), l["Ce mode de cofinancement n'existe pas."]);
            }

            return mode;
        }

        public long? Money(string? text, int row, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!MoneyInput.TryParseCents(text, out var cents, out var error))
            {
                modelState.AddModelError(FieldKey(prefix, row, field), l.Explain(error));
                return null;
            }

            return cents;
        }

        public int? Ratio(string? text, int row)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var digits = text.Replace("%", string.Empty, StringComparison.Ordinal).Trim();
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var ratio))
            {
                modelState.AddModelError(FieldKey(prefix, row, nameof(CommitmentRow.Ratio)), l["Saisissez un taux entier en pour cent, par exemple 100 pour 1 € ajouté par euro donné."]);
                return null;
            }

            return ratio;
        }

        public long? Referent(string? text, int row)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                modelState.AddModelError(FieldKey(prefix, row, nameof(CommitmentRow.ReferentUserId)), l["Choisissez l'agent référent dans la liste."]);
                return null;
            }

            return id;
        }
    }
}
