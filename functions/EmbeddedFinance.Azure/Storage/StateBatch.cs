using System.Net;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Idempotency;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One entity-group transaction on the state table: a state change, its idempotency completion (and, later,
/// its ledger postings and outbox events) commit together or not at all.
/// </summary>
public sealed class StateBatch(StateTable table, IdempotencyRecords idempotency, string partitionKey)
{
    private const int MaxActions = 100;
    private readonly List<TableTransactionAction> actions = [];
    private IdempotencyLease? lease;
    private int leaseIndex = -1;
    private readonly HashSet<int> guarded = [];

    public string PartitionKey { get; } = partitionKey;

    public StateBatch Add(ITableEntity entity)
    {
        Require(entity);
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
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

    public async Task SubmitAsync(CancellationToken cancellationToken)
    {
        if (actions.Count > MaxActions) throw new InvalidOperationException($"A table batch holds at most {MaxActions} entities.");
        try
        {
            await table.Client.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex == leaseIndex && leaseIndex >= 0 && failed.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new IdempotencyLeaseLostException("The idempotency record changed while the request ran; nothing was written.", failed);
        }
        catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is { } index && guarded.Contains(index) && failed.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new ConcurrencyConflictException("A row changed since it was read; nothing was written.", failed);
        }
        lease?.MarkCommitted();
    }

    private void Require(ITableEntity entity)
    {
        if (entity.PartitionKey != PartitionKey) throw new InvalidOperationException("Every entity of a batch must be in its partition.");
    }
}
