using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Idempotency;

/// <summary>An idempotency record. The response is sealed: a replayed body can hold keys shown once.</summary>
public sealed class IdempotencyEntity : ITableEntity
{
    public const string InFlight = "in_flight";
    public const string Completed = "completed";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = InFlight;
    public string Fingerprint { get; set; } = "";

    /// <summary>Who inserted the in-flight record: an insert the SDK retried after a lost answer finds its own claim, not a rival's.</summary>
    public string? Claim { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseContentType { get; set; }
    public byte[]? ResponseSealed { get; set; }
    public string? ResponseKeyVersion { get; set; }
}
