using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Group commit for independent inserts into one table. Each caller waits until its own row is stored and gets
/// its ETag or its own failure, exactly as from <see cref="TableClient.AddEntityAsync{T}"/>; but rows that arrive
/// while a write is in flight go together, one table batch per partition. Under load one storage call then
/// serves many rows; alone, a row is written at once. A batch that fails (a row that already exists, say) is
/// retried row by row, so that every caller gets the answer for its own row; one that got no answer fails every row. No background thread: the
/// caller that finds no write in flight leads, and writes until nothing is pending.
/// </summary>
public sealed class GroupedInserts(TableClient table)
{
    private readonly Lock gate = new();
    private List<Pending> pending = [];
    private bool writing;

    private sealed record Pending(ITableEntity Entity, TaskCompletionSource<ETag> Stored);

    public Task<ETag> AddAsync(ITableEntity entity)
    {
        var next = new Pending(entity, new TaskCompletionSource<ETag>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (gate)
        {
            pending.Add(next);
            lead = !writing;
            writing = true;
        }
        if (lead) _ = Task.Run(WriteUntilDrainedAsync);
        return next.Stored.Task;
    }

    private async Task WriteUntilDrainedAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }
                group = pending;
                pending = [];
            }
            await Task.WhenAll(group
                .GroupBy(row => row.Entity.PartitionKey)
                .SelectMany(partition => partition.Chunk(StateBatch.MaxActions))
                .Select(WriteBatchAsync));
        }
    }

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
