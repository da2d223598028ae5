using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>A ledger balance (<c>balance|{account}|{currency}</c>), written by settlement and payouts (see BalanceRows), always with its ETag.</summary>
public sealed class BalanceEntity : ITableEntity
{
    public const string Kind = "balance";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Account { get; set; } = "";
    public string Currency { get; set; } = "";
    public long Amount { get; set; }
    public DateTimeOffset Updated { get; set; }
}
