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
/// <param name="ChooseAction">
/// The address the rows' "Choisir" buttons post the form to: a handler that shows the form again,
/// unsaved, with each row's fields for its kind (the way to them without JavaScript).
/// </param>
public sealed record CommitmentRowsView(
    string Prefix,
    string IdPrefix,
    string RowClass,
    IReadOnlyList<CommitmentRow> Rows,
    IReadOnlyList<StaffMember> Staff,
    string? HintId,
    string? GroupErrorId,
    string ChooseAction);

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
    private static readonly CommitmentKind[] AllKinds = Enum.GetValues<CommitmentKind>();

    /// <summary>The kinds whose row shows <paramref name="field"/> (a <see cref="CommitmentRow"/> property's name).</summary>
    public static IReadOnlyList<CommitmentKind> KindsOf(string field) => field switch
    {
        nameof(CommitmentRow.Description) => AllKinds,

        // A co-financing's value is its grant or its cap.
        nameof(CommitmentRow.EstimatedValue) => [.. AllKinds.Where(k => k != CommitmentKind.CoFinancing)],
        nameof(CommitmentRow.ReferentUserId) => [CommitmentKind.Expertise],
        nameof(CommitmentRow.CoFinancing) or nameof(CommitmentRow.Grant) or nameof(CommitmentRow.Ratio) or nameof(CommitmentRow.Cap) => [CommitmentKind.CoFinancing],
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field of a commitment row."),
    };

    /// <summary>The co-financing mode a field belongs to, or null when it does not depend on one.</summary>
    public static CoFinancingMode? ModeOf(string field) => field switch
    {
        nameof(CommitmentRow.Grant) => CoFinancingMode.Grant,
        nameof(CommitmentRow.Ratio) or nameof(CommitmentRow.Cap) => CoFinancingMode.Matchfunding,
        _ => null,
    };

    /// <summary>Whether a row of this kind (and co-financing mode) asks for <paramref name="field"/>.</summary>
    public static bool Shows(string field, CommitmentKind? kind, CoFinancingMode? mode) =>
        kind is { } k && KindsOf(field).Contains(k) && (ModeOf(field) is not { } needed || needed == mode);

    /// <summary>The kind a row names, by its exact name only (no numbers, no "A, B" combinations), or null.</summary>
    public static CommitmentKind? KindOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : AllKinds.Cast<CommitmentKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text.Trim(), StringComparison.Ordinal));

    /// <summary>The co-financing mode a row names, by its exact name only, or null.</summary>
    public static CoFinancingMode? RowMode(CommitmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.IsNullOrWhiteSpace(row.CoFinancing)
            ? null
            : Enum.GetValues<CoFinancingMode>().Cast<CoFinancingMode?>().FirstOrDefault(m => string.Equals(m.ToString(), row.CoFinancing.Trim(), StringComparison.Ordinal));
    }

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
            if (kind is not { } known)
            {
                continue;
            }

            // Only the fields of the row's kind are read: the others are not shown, so not checked.
            var mode = known == CommitmentKind.CoFinancing ? reader.Mode(row.CoFinancing, index) : null;
            var value = Shows(nameof(CommitmentRow.EstimatedValue), known, mode) ? reader.Money(row.EstimatedValue, index, nameof(CommitmentRow.EstimatedValue)) : null;
            var referent = Shows(nameof(CommitmentRow.ReferentUserId), known, mode) ? reader.Referent(row.ReferentUserId, index) : null;
            var grant = Shows(nameof(CommitmentRow.Grant), known, mode) ? reader.Money(row.Grant, index, nameof(CommitmentRow.Grant)) : null;
            var ratio = Shows(nameof(CommitmentRow.Ratio), known, mode) ? reader.Ratio(row.Ratio, index) : null;
            var cap = Shows(nameof(CommitmentRow.Cap), known, mode) ? reader.Money(row.Cap, index, nameof(CommitmentRow.Cap)) : null;
            if (modelState.ErrorCount > errorsBefore)
            {
                continue;
            }

            var term = new CommitmentTerms(known, row.Description, value, referent, mode, grant, ratio, cap);
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

            var kind = KindOf(text);
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
