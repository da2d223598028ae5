using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>The one way a state change of a money object commits (ADR 006): its rows, its ledger transaction with the settlement job, its event with the outbox row naming the transaction, and the idempotency completion, in one batch.</summary>
public static class StateChanges
{
    public static async Task CommitAsync(
        this StateBatches batches, string scope, Action<StateBatch> writeObject, LedgerTransaction? ledger, PlatformEvent changed, IdempotencyCompletion? completion,
        CancellationToken cancellationToken)
    {
        var batch = batches.For(scope);
        writeObject(batch);
        batch.AddLedgerToSettle(ledger).AddEvent(changed, ledger?.Id);
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }
}
