namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The platform's own partition of the state table: merchants, the API key index and the admin's idempotency
/// records, so that creating a merchant and its keys is one batch. Key look-ups are point reads on it.
/// </summary>
public static class PlatformPartition
{
    public const string Key = Core.Access.Caller.PlatformScope;
}
