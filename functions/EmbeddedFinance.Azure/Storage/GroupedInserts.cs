using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Group commit for independent inserts into one table. Each caller waits until its own row is stored and gets
/// its ETag or its own failure, exactly as from <see cref="TableClient.AddEntityAsync{T}"/>; but rows that arrive
/// while a write is in flight go together, one table batch per partition. Under load one storage call then
/// serves many rows; alone, a row is written at once. A batch that fails (a row that already exists, say) is
/// retried row by row, so that every caller gets the answer for its own row; one that got no answer fails every row. The leader loop is
/// <see cref="GroupCommit{T}"/>.
/// </summary>
public sealed class GroupedInserts
{
    private readonly TableClient table;
    private readonly GroupCommit<Pending> commit;

    public GroupedInserts(TableClient table)
    {
        this.table = table;
        commit = new GroupCommit<Pending>(WriteGroupAsync);
    }

    private sealed record Pending(ITableEntity Entity, TaskCompletionSource<ETag> Stored);

    public Task<ETag> AddAsync(ITableEntity entity)
    {
        var next = new Pending(entity, new TaskCompletionSource<ETag>(TaskCreationOptions.RunContinuationsAsynchronously));
        commit.Add(next);
        return next.Stored.Task;
    }

    private Task WriteGroupAsync(List<Pending> group) => Task.WhenAll(group
        .GroupBy(row => row.Entity.PartitionKey)
        .SelectMany(partition => partition.Chunk(StateBatch.MaxActions))
        .Select(WriteBatchAsync));

    private async Task WriteBatchAsync(Pending[] rows)
    {
        if (rows.Length == 1)
        {
            await WriteOneAsync(rows[0]);
            return;
        }
        try
        {
            var stored = await table.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row.Entity)));
            for (var i = 0; i < rows.Length; i++) rows[i].Stored.TrySetResult(stored.Value[i].Headers.ETag!.Value);
        }
        catch (Exception outage) when (StorageUnavailability.Covers(outage))
        {
            // Storage did not answer: row by row would only make every caller wait out the outage again.
            foreach (var row in rows) row.Stored.TrySetException(outage);
        }
        catch (Exception)
        {
            await Task.WhenAll(rows.Select(WriteOneAsync));
        }
    }

    private async Task WriteOneAsync(Pending row)
    {
        try
        {
            var added = await table.AddEntityAsync(row.Entity);
            row.Stored.TrySetResult(added.Headers.ETag!.Value);
        }
        catch (Exception failure)
        {
            row.Stored.TrySetException(failure);
        }
    }
}
