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

    /// <summary>Rows of one kind in a scope, in row-key order, narrowed by an optional condition (from <see cref="TableClient.CreateQueryFilter(FormattableString)"/>).</summary>
    public IAsyncEnumerable<T> KindInScope<T>(string scope, string kind, string? condition = null, int? maxPerPage = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (from, to) = RowKeyRange(kind);
        return RangeInScope<T>(scope, from, to, condition, maxPerPage, cancellationToken);
    }

    /// <summary>Rows of a scope whose row keys lie in [from, to), narrowed by an optional condition.</summary>
    public IAsyncEnumerable<T> RangeInScope<T>(string scope, string from, string to, string? condition = null, int? maxPerPage = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        Client.QueryAsync<T>(And(TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey ge {from} and RowKey lt {to}"), condition), maxPerPage, cancellationToken: cancellationToken);

    private static string And(string filter, string? condition) => condition is null ? filter : $"{filter} and ({condition})";
}
