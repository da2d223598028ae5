using System.Globalization;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Recovery;

/// <summary>
/// Rows that fall due, in a partition of the work table per purpose, keyed <c>{due ticks}|{key}</c>: the due ones
/// are one range read from the start of the partition, however many are stored for later (ADR 011).
/// </summary>
public sealed class DueRows(TableServiceClient tables, IOptions<StorageOptions> options)
{
    private readonly TableClient table = tables.GetTableClient(options.Value.WorkTable);

    public Task PutAsync(TableEntity row, CancellationToken cancellationToken) => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The partition's rows due at <paramref name="now"/>, earliest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<TableEntity>> DueAsync(string partition, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {Ticks(now)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            due.Add(row);
            if (due.Count == max) break;
        }
        return due;
    }

    public async Task RemoveAsync(string partition, string rowKey, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);

    public static string RowKey(DateTimeOffset dueAt, string key) => $"{Ticks(dueAt)}|{key}";

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
