using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Core.Settlement;

/// <summary>The relay's settlement consumer: one settlement request per relayed page that wrote ledger transactions.</summary>
public sealed class SettlementDispatch(ISettlementQueue queue) : IOutboxConsumer
{
    public Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var transactions = entries.Select(entry => entry.LedgerTransactionId).OfType<string>().ToList();
        return transactions.Count == 0 ? Task.CompletedTask : queue.EnqueueAsync(new SettlementRequest(scope, transactions), cancellationToken);
    }
}
