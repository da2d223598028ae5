using Azure.Data.Tables;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One page of a kind's rows in a scope, in row-key (creation) order, after a cursor: at most one row more than the
/// page is read. A filtered list reads an index kind instead (<see cref="IndexPages"/>), never a filtered scan.
/// </summary>
public static class CursorPages
{
    public static async Task<Page<T>> ReadAsync<TEntity, T>(
        TableClient table, string scope, string kind, PageRequest page, Func<TEntity, T> map, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity, new()
    {
        var (from, to) = StateTable.RowKeyRange(kind);
        var after = page.StartingAfter is null ? from : StateTable.RowKey(kind, page.StartingAfter);
        var comparison = page.StartingAfter is null ? "ge" : "gt";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey lt {to}") + $" and RowKey {comparison} '{after.Replace("'", "''", StringComparison.Ordinal)}'";
        var items = new List<T>();
        await foreach (var entity in table.QueryAsync<TEntity>(filter, maxPerPage: page.Limit + 1, cancellationToken: cancellationToken))
        {
            if (items.Count == page.Limit) return new Page<T>(items, HasMore: true);
            items.Add(map(entity));
        }
        return new Page<T>(items, HasMore: false);
    }
}
