using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>The relay's payout consumer: every created payout is queued for submission to the rail.</summary>
public sealed class PayoutDispatch(IPayoutQueue queue) : IOutboxConsumer
{
    public async Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Where(entry => entry.Event.Type == EventTypes.PayoutCreated))
        {
            await queue.SubmitAsync(scope, entry.Event.ObjectId() ?? throw new InvalidOperationException($"Event {entry.Event.Id} does not name its payout."), cancellationToken);
        }
    }
}
