using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The table that holds all state whose changes must be atomic together: partitions are data scopes
/// (<c>platform</c>, <c>mer_…:test</c>, <c>mer_…:live</c>), row keys are <c>kind|id</c>.
/// </summary>
public sealed class StateTable(TableServiceClient service, IOptions<StorageOptions> options)
{
    public TableClient Client { get; } = service.GetTableClient(options.Value.StateTable);

    /// <summary>Single-row inserts that may share a batch with concurrent ones (idempotency claims).</summary>
    public GroupedInserts Inserts { get; } = new(service.GetTableClient(options.Value.StateTable));

    public static string RowKey(string kind, string id) => $"{kind}|{id}";

    /// <summary>The row-key range of one kind, for range scans: [kind|, kind}).</summary>
    public static (string From, string To) RowKeyRange(string kind) => ($"{kind}|", $"{kind}}}");
}
