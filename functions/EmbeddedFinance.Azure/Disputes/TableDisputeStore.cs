using EmbeddedFinance.Azure.Payments;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Disputes;

namespace EmbeddedFinance.Azure.Disputes;

/// <summary>Disputes in their merchant scope's partition; every change is one batch with all it implies (ADR 018).</summary>
public sealed class TableDisputeStore(StateTable table, StateBatches batches) : IDisputeStore
{
    public Task CreateAsync(DisputeChange change, CancellationToken cancellationToken) =>
        SubmitAsync(change, batch =>
        {
            // The payment, marked disputed under the ETag it was read with: of two runs opening its dispute, one commits.
            if (change.Payment is null) throw new InvalidOperationException("A dispute opens together with its payment's change.");
            batch.Replace(PaymentRows.ToEntity(change.Payment)).Add(DisputeRows.ToEntity(change.Dispute));
        }, cancellationToken);

    public Task UpdateAsync(DisputeChange change, CancellationToken cancellationToken) =>
        SubmitAsync(change, batch => batch.Replace(DisputeRows.ToEntity(change.Dispute)), cancellationToken);

    public async Task<Dispute?> GetAsync(string scope, string disputeId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<DisputeEntity>(scope, StateTable.RowKey(DisputeEntity.Kind, disputeId), cancellationToken: cancellationToken);
        return found.HasValue ? DisputeRows.ToDispute(found.Value!) : null;
    }

    public Task<Page<Dispute>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<DisputeEntity, Dispute>(table.Client, scope, DisputeEntity.Kind, page, DisputeRows.ToDispute, cancellationToken);

    private Task SubmitAsync(DisputeChange change, Action<StateBatch> writeDispute, CancellationToken cancellationToken) =>
        batches.CommitAsync(change.Dispute.Scope, writeDispute, change.Ledger, change.Event, change.Completion, cancellationToken);
}
