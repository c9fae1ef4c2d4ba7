namespace Labelkoz.Domain.Common;

/// <summary>
/// The rules of the official identifiers of French organisations (<see cref="FrenchIdentifiers"/>).
/// Their field is <c>Siren</c> or <c>Rna</c> unless the caller names another (a tax receipt's
/// beneficiary types either in <c>Identifier</c>).
/// </summary>
public static class IdentifierRefusals
{
    public static readonly DomainRefusal SirenNotNineDigits = new("siren.not-nine-digits", "Siren", "Le numéro SIREN doit comporter 9 chiffres.");

    public static readonly DomainRefusal SirenBadChecksum = new("siren.bad-checksum", "Siren", "Le numéro SIREN {0} n'est pas valide (clé de contrôle incorrecte).");

    public static readonly DomainRefusal RnaMalformed = new("rna.malformed", "Rna", "Le numéro RNA doit commencer par W suivi de 9 caractères (par exemple W931234567).");
}
