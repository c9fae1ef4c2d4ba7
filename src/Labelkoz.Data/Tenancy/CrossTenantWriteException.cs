namespace Labelkoz.Data.Tenancy;

/// <summary>Something tried to write another municipality's row while on one city's site.</summary>
public sealed class CrossTenantWriteException : Exception
{
    public CrossTenantWriteException(string message)
        : base(message)
    {
    }

    public CrossTenantWriteException()
    {
    }

    public CrossTenantWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
