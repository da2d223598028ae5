using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Azure.Payments;

/// <summary>Payments in their merchant scope's partition; every change is one batch with all it implies.</summary>
public sealed class TablePaymentStore(StateTable table, StateBatches batches) : IPaymentStore
{
    public Task CreateAsync(PaymentChange change, CancellationToken cancellationToken) =>
        SubmitAsync(change, batch => batch.Add(PaymentRows.ToEntity(change.Payment)), cancellationToken);

    public Task UpdateAsync(PaymentChange change, CancellationToken cancellationToken) =>
        SubmitAsync(change, batch => batch.Replace(PaymentRows.ToEntity(change.Payment)), cancellationToken);

    public async Task<Payment?> GetAsync(string scope, string paymentId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<PaymentEntity>(scope, StateTable.RowKey(PaymentEntity.Kind, paymentId), cancellationToken: cancellationToken);
        return found.HasValue ? PaymentRows.ToPayment(found.Value!) : null;
    }

    public Task<Page<Payment>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<PaymentEntity, Payment>(table.Client, scope, PaymentEntity.Kind, page, PaymentRows.ToPayment, cancellationToken);

    private Task SubmitAsync(PaymentChange change, Action<StateBatch> writePayment, CancellationToken cancellationToken) =>
        batches.CommitAsync(change.Payment.Scope, batch =>
        {
            writePayment(batch);
            if (change.StatusEvent is not null) batch.AddEvent(change.StatusEvent);
            if (change.Refund is not null) batch.Add(PaymentRows.ToEntity(change.Refund, change.Payment.Scope));
            // A refund's transaction is the refund's (its reference), and its payment's too: listed by either id.
            if (change.Refund is not null && change.Ledger is not null)
            {
                batch.Add(new TableEntity(change.Payment.Scope, StateTable.RowKey(LedgerRows.ReferenceIndex(change.Payment.Id), change.Ledger.Id)));
            }
        }, change.Ledger, change.Event, change.Completion, cancellationToken);
}
