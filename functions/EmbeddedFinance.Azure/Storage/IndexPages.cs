using Azure.Data.Tables;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One page of a filtered list through an index kind (<c>eventtype|payment.created|evt_…</c>): index rows carry only
/// the item's id, written in the item's own batch, so the page reads the index range (one more row than the page) and
/// point-reads its items. Cost follows the page, never the rows the filter passes over. The cursor is the item's id.
/// </summary>
public static class IndexPages
{
    public static async Task<Page<T>> ReadAsync<TEntity, T>(
        TableClient table, string scope, string indexKind, string itemKind, PageRequest page, Func<TEntity, T> map, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity, new()
    {
        var ids = await CursorPages.ReadAsync<TableEntity, string>(table, scope, indexKind, page, row => row.RowKey[(indexKind.Length + 1)..], cancellationToken);
        var found = await Task.WhenAll(ids.Data.Select(id => table.GetEntityIfExistsAsync<TEntity>(scope, StateTable.RowKey(itemKind, id), cancellationToken: cancellationToken)));
        return new Page<T>(found.Where(item => item.HasValue).Select(item => map(item.Value!)).ToList(), ids.HasMore);
    }
}
