using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding.Ledger;

/// <summary>The ledger's invariants (<see cref="LedgerTransaction"/>): they guard the platform's own bookings, not what people type.</summary>
public static class LedgerRefusals
{
    public static readonly DomainRefusal AmountNotPositive = new("ledger.amount-not-positive", null, "Un mouvement d'argent porte sur un montant positif.");

    public static readonly DomainRefusal KeyLength = new("ledger.key-length", null, "Un mouvement d'argent a une clé d'unicité de 1 à {0} caractères.");

    public static readonly DomainRefusal FewerThanTwoLines = new("ledger.fewer-than-two-lines", null, "Un mouvement d'argent a au moins deux lignes.");

    public static readonly DomainRefusal ZeroLine = new("ledger.zero-line", null, "Une ligne d'un mouvement d'argent ne peut pas être nulle.");

    public static readonly DomainRefusal Unbalanced = new("ledger.unbalanced", null, "Un mouvement d'argent doit être équilibré : ses lignes font {0} centimes au lieu de zéro.");
}
