using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>A balanced ledger transaction (<c>ledger|ltx_…</c>), its postings kept together so it is written whole or not at all.</summary>
public sealed class LedgerEntity : ITableEntity
{
    public const string Kind = "ledger";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Currency { get; set; } = "";
    public string Type { get; set; } = "";
    public string Reference { get; set; } = "";
    public string PostingsJson { get; set; } = "";
    public DateTimeOffset Created { get; set; }
}
