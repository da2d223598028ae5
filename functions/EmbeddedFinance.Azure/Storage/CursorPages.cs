using Azure.Data.Tables;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One page of a kind's rows in a scope, in row-key (creation) order, after a cursor; with <c>keep</c>, only the
/// rows it keeps count (the scan reads on until the page is full: a filter Tables cannot express).
/// </summary>
public static class CursorPages
{
    public static async Task<Page<T>> ReadAsync<TEntity, T>(
        TableClient table, string scope, string kind, PageRequest page, Func<TEntity, T> map, CancellationToken cancellationToken, Func<T, bool>? keep = null)
        where TEntity : class, ITableEntity, new()
    {
        var (from, to) = StateTable.RowKeyRange(kind);
        var after = page.StartingAfter is null ? from : StateTable.RowKey(kind, page.StartingAfter);
        var comparison = page.StartingAfter is null ? "ge" : "gt";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey lt {to}") + $" and RowKey {comparison} '{after.Replace("'", "''", StringComparison.Ordinal)}'";
        var items = new List<T>();
        await foreach (var entity in table.QueryAsync<TEntity>(filter, maxPerPage: page.Limit + 1, cancellationToken: cancellationToken))
        {
            var item = map(entity);
            if (keep is not null && !keep(item)) continue;
            if (items.Count == page.Limit) return new Page<T>(items, HasMore: true);
            items.Add(item);
        }
        return new Page<T>(items, HasMore: false);
    }
}
