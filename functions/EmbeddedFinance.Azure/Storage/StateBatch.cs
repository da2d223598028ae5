using System.Net;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Idempotency;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One entity-group transaction on the state table: a state change, its ledger transactions, its outbox events and its
/// idempotency completion commit together or not at all. Work it creates for a sweep (outbox rows,
/// settlement jobs) is marked in the <see cref="WorkCalendar"/> before the commit, so a crash leaves at most an
/// empty mark, never work no sweep can find.
/// </summary>
public sealed class StateBatch(StateTable table, IdempotencyRecords idempotency, IOutboxNudge nudge, string partitionKey, WorkCalendar? calendar = null)
{
    /// <summary>The most entities one Azure Tables entity-group transaction may hold.</summary>
    public const int MaxActions = 100;

    private readonly List<OutboxEntry> outbox = [];
    private readonly List<TableTransactionAction> actions = [];
    private IdempotencyLease? lease;
    private int leaseIndex = -1;
    private readonly HashSet<int> guarded = [];
    private readonly HashSet<int> guardedAdds = [];
    private readonly HashSet<(WorkPurpose Purpose, DateTimeOffset? At)> work = [];

    public string PartitionKey { get; } = partitionKey;

    public StateBatch Add(ITableEntity entity)
    {
        Require(entity);
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
        return this;
    }

    /// <summary>Adds an outbox row: once the batch commits, the relay is nudged with the entry.</summary>
    public StateBatch AddOutbox(ITableEntity entity, OutboxEntry entry)
    {
        outbox.Add(entry);
        return Add(entity).MarkWork(WorkPurpose.Outbox);
    }

    /// <summary>Marks the scope in the work calendar's bucket of <paramref name="at"/> (of the commit when null) for a sweep, before the batch commits.</summary>
    public StateBatch MarkWork(WorkPurpose purpose, DateTimeOffset? at = null)
    {
        work.Add((purpose, at is null ? null : purpose.BucketOf(at.Value)));
        return this;
    }

    /// <summary>Adds a row whose existence means "already done" (a marker): if it exists, nothing is written and the caller re-reads.</summary>
    public StateBatch AddGuarded(ITableEntity entity)
    {
        Require(entity);
        guardedAdds.Add(actions.Count);
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
        return this;
    }

    /// <summary>Writes the row whether or not it exists (a marker whose only job is to change with the batch).</summary>
    public StateBatch Upsert(ITableEntity entity)
    {
        Require(entity);
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        return this;
    }

    /// <summary>Deletes the row only if it still has the ETag it was read with.</summary>
    public StateBatch Delete(ITableEntity entity)
    {
        Require(entity);
        guarded.Add(actions.Count);
        actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, entity.ETag));
        return this;
    }

    /// <summary>Replaces the row only if it still has the ETag it was read with.</summary>
    public StateBatch Replace(ITableEntity entity)
    {
        Require(entity);
        guarded.Add(actions.Count);
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag));
        return this;
    }

    public async Task<StateBatch> CompleteAsync(IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        if (completion is null) return this;
        if (completion.Lease.Scope != PartitionKey)
        {
            throw new InvalidOperationException("An idempotency completion must commit in its own scope's partition.");
        }
        lease = completion.Lease;
        leaseIndex = actions.Count;
        actions.Add(await idempotency.CompletionActionAsync(completion, cancellationToken));
        return this;
    }

    /// <summary>Commits the batch; returns each row's new version (ETag), in the order the rows were added.</summary>
    public async Task<IReadOnlyList<string>> SubmitAsync(CancellationToken cancellationToken)
    {
        if (actions.Count > MaxActions) throw new InvalidOperationException($"A table batch holds at most {MaxActions} entities.");
        if (calendar is not null) await Task.WhenAll(work.Select(mark => calendar.MarkAsync(mark.Purpose, PartitionKey, mark.At ?? calendar.Now, cancellationToken)));
        Response<IReadOnlyList<Response>> committed;
        try
        {
            committed = await table.Client.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex == leaseIndex && leaseIndex >= 0 && failed.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new IdempotencyLeaseLostException("The idempotency record changed while the request ran; nothing was written.", failed);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is { } index && guarded.Contains(index) && failed.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new ConcurrencyConflictException("A row changed since it was read; nothing was written.", failed);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is { } index && guarded.Contains(index) && failed.Status == (int)HttpStatusCode.NotFound)
        {
            throw new ConcurrencyConflictException("A row was deleted since it was read; nothing was written.", failed);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is { } index && guardedAdds.Contains(index) && failed.Status == (int)HttpStatusCode.Conflict)
        {
            throw new ConcurrencyConflictException("A row written since it was read already exists; nothing was written.", failed);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is { } index && !guardedAdds.Contains(index)
            && actions[index].ActionType == TableTransactionActionType.Add && failed.Status == (int)HttpStatusCode.Conflict)
        {
            // Rows added here have fresh ids: one that exists already was written by this batch, whose answer was lost.
            throw new CommitOutcomeUnknownException("The batch's answer was lost and its retry found its rows: it most likely committed; retry to learn the outcome.", failed);
        }
        lease?.MarkCommitted();
        if (outbox.Count > 0) nudge.Nudge(PartitionKey, outbox);
        return committed.Value.Select(response => response.Headers.ETag?.ToString() ?? "").ToList();
    }

    /// <summary>How many rows the batch holds so far: the index the next row will have in <see cref="SubmitAsync"/>'s answer.</summary>
    public int Count => actions.Count;

    private void Require(ITableEntity entity)
    {
        if (entity.PartitionKey != PartitionKey) throw new InvalidOperationException("Every entity of a batch must be in its partition.");
    }
}
