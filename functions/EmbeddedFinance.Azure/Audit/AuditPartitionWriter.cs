using System.Net;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Audit;

namespace EmbeddedFinance.Azure.Audit;

/// <summary>
/// Appends one partition's audit entries to its hash chain, in group commit: entries that arrive while a batch is in
/// flight go together in the next one (up to 99, with the head). Each batch inserts its entries and replaces the head
/// under the head's ETag, in one transaction. The head is kept in memory after each commit, so a batch costs one
/// storage call; when another instance moved the head first (412, or 409 on a first head), it is read again and the
/// batch relinked after it: one read and one more transaction per lost race.
/// </summary>
public sealed class AuditPartitionWriter
{
    private const int MaxEntries = 99;
    private const int MaxRaces = 20;

    private readonly TableClient table;
    private readonly string partition;
    private readonly AuditChain chain;
    private readonly GroupCommit<(AuditEntry Entry, TaskCompletionSource Stored)> commit;
    // Only the group commit's one writer at a time touches it.
    private AuditHeadEntity? head;

    public AuditPartitionWriter(TableClient table, string partition, AuditChain chain)
    {
        this.table = table;
        this.partition = partition;
        this.chain = chain;
        commit = new(WriteGroupAsync);
    }

    public Task AddAsync(AuditEntry entry)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        commit.Add((entry, stored));
        return stored.Task;
    }

    private async Task WriteGroupAsync(List<(AuditEntry Entry, TaskCompletionSource Stored)> group)
    {
        foreach (var batch in group.Chunk(MaxEntries))
        {
            try
            {
                await AppendAsync(batch.Select(item => item.Entry).ToList());
                foreach (var item in batch) item.Stored.TrySetResult();
            }
            catch (Exception failure)
            {
                head = null;
                foreach (var item in batch) item.Stored.TrySetException(failure);
            }
        }
    }

    private async Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        for (var race = 0; ; race++)
        {
            head ??= await ReadHeadAsync();
            var links = await chain.LinkAsync(head.Sequence, head.Hash, entries, CancellationToken.None);
            var next = new AuditHeadEntity { PartitionKey = partition, Sequence = links[^1].Sequence, Hash = links[^1].Hash };
            var actions = links.Select(link => new TableTransactionAction(TableTransactionActionType.Add, Row(link))).ToList();
            actions.Add(head.ETag == default
                ? new TableTransactionAction(TableTransactionActionType.Add, next)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, head.ETag));
            try
            {
                var stored = await table.SubmitTransactionAsync(actions);
                next.ETag = stored.Value[^1].Headers.ETag ?? default;
                // Without the new ETag the next batch reads the head again rather than guess.
                head = next.ETag == default ? null : next;
                return;
            }
            catch (RequestFailedException lost) when (lost.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict && race < MaxRaces)
            {
                head = null;
                await Task.Delay(Random.Shared.Next(1, 10 * (race + 1)));
            }
        }
    }

    private async Task<AuditHeadEntity> ReadHeadAsync()
    {
        var found = await table.GetEntityIfExistsAsync<AuditHeadEntity>(partition, AuditRows.Head);
        return found.HasValue ? found.Value! : new AuditHeadEntity { PartitionKey = partition, Sequence = 0, Hash = AuditChain.Genesis };
    }

    private AuditEntity Row(AuditLink link) => new()
    {
        PartitionKey = partition,
        RowKey = AuditRows.Chained(link.Sequence),
        EntryId = link.Entry.Id,
        KeyId = link.Entry.KeyId,
        Action = link.Entry.Action,
        Status = link.Entry.Status,
        ErrorCode = link.Entry.ErrorCode,
        Replayed = link.Entry.Replayed,
        RequestId = link.Entry.RequestId,
        At = link.Entry.At,
        Sequence = link.Sequence,
        PreviousHash = link.PreviousHash,
        Hash = link.Hash,
        KeyVersion = link.KeyVersion,
    };
}
