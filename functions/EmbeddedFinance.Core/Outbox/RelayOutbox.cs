using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Outbox;

/// <summary>
/// Fans a scope's undispatched events out to every consumer, then marks them dispatched, a page at a time until
/// the outbox is empty. A consumer's failure leaves the page in the outbox for the next nudge or the sweep.
/// Nudges for a scope already being relayed in this process join that run: concurrent relays of one scope would
/// only hand the same events out twice and race to delete them.
/// </summary>
public sealed class RelayOutbox(IOutbox outbox, IEnumerable<IOutboxConsumer> consumers, TimeProvider clock, ILogger<RelayOutbox> logger)
{
    private const int Page = 100;
    private readonly CoalescedRuns runs = new();

    /// <summary>Relays the scope's outbox until it is empty, or joins the relay of this scope in progress; returns how many events this call relayed.</summary>
    public Task<int> RunAsync(string scope, CancellationToken cancellationToken) =>
        runs.RunAsync(scope, () => RelayAllAsync(scope, cancellationToken));

    private async Task<int> RelayAllAsync(string scope, CancellationToken cancellationToken)
    {
        using var activity = PlatformTelemetry.Activities.StartActivity("outbox.relay");
        var relayed = 0;
        while (true)
        {
            var entries = await outbox.ReadAsync(scope, Page, cancellationToken);
            if (entries.Count == 0) return relayed;
            // Consumers are independent (settlement, payouts, webhooks, Service Bus): one slow one must not hold up the others' latency.
            await Task.WhenAll(consumers.Select(consumer => consumer.ConsumeAsync(scope, entries, cancellationToken)));
            await outbox.MarkDispatchedAsync(scope, entries, cancellationToken);
            relayed += entries.Count;
            var now = clock.GetUtcNow();
            foreach (var entry in entries) PlatformTelemetry.OutboxAge.Record((now - entry.Event.Created).TotalSeconds);
            PlatformTelemetry.QueueWork.Add(entries.Count, PlatformTelemetry.Tags(("function", "RelayOutbox"), ("outcome", "relayed")));
            activity?.SetTag("ef.events", relayed);
            logger.LogInformation("Relayed {Count} events of {Scope} ({First} … {Last})", entries.Count, scope, entries[0].Event.Id, entries[^1].Event.Id);
            if (entries.Count < Page) return relayed;
        }
    }
}
