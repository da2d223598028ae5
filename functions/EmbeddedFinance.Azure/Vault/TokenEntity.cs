using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Vault;

/// <summary>A card token in its merchant scope's partition (<c>token|tok_…</c>): open card facts and the sealed card.</summary>
public sealed class TokenEntity : ITableEntity
{
    public const string Kind = "token";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Brand { get; set; } = "";
    public string Last4 { get; set; } = "";
    public int ExpMonth { get; set; }
    public int ExpYear { get; set; }
    public string Fingerprint { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public string KeyVersion { get; set; } = "";
    public byte[] SealedCard { get; set; } = [];
}
