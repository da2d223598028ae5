using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>
/// The marker of one settlement run (<c>settlement|stl_…</c>), committed with its postings: which ledger
/// transactions it applied to the balances. Reconciliation recomputes balances from exactly these.
/// </summary>
public sealed class SettlementMarkerEntity : ITableEntity
{
    public const string Kind = "settlement";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AppliedJson { get; set; } = "";
    public int Jobs { get; set; }
    public DateTimeOffset At { get; set; }
}
