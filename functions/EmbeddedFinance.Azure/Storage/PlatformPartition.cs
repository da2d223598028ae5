namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The platform's own partition of the state table: merchants and the admin's idempotency records. The API key
/// index is not here: it is spread over partitions by hash prefix (ADR 014), so no one partition serves every request.
/// </summary>
public static class PlatformPartition
{
    public const string Key = Core.Access.Caller.PlatformScope;
}
