using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Outbox;

/// <summary>
/// Fans a scope's undispatched events out to every consumer, then marks them dispatched, a page at a time until
/// the outbox is empty. A consumer's failure leaves the page in the outbox for the next nudge or the sweep.
/// </summary>
public sealed class RelayOutbox(IOutbox outbox, IEnumerable<IOutboxConsumer> consumers, ILogger<RelayOutbox> logger)
{
    private const int Page = 100;

    public async Task<int> RunAsync(string scope, CancellationToken cancellationToken)
    {
        var relayed = 0;
        while (true)
        {
            var entries = await outbox.ReadAsync(scope, Page, cancellationToken);
            if (entries.Count == 0) return relayed;
            foreach (var consumer in consumers) await consumer.ConsumeAsync(scope, entries, cancellationToken);
            await outbox.MarkDispatchedAsync(scope, entries, cancellationToken);
            relayed += entries.Count;
            logger.LogInformation("Relayed {Count} events of {Scope} ({First} … {Last})", entries.Count, scope, entries[0].Event.Id, entries[^1].Event.Id);
            if (entries.Count < Page) return relayed;
        }
    }
}
