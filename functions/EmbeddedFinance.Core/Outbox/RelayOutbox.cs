using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Outbox;

/// <summary>
/// Fans events out to every consumer, then marks them dispatched. On the hot path the nudge names the events just
/// committed, and they are handed on as they are: no read. A nudge that names none (the sweep's, for events a lost
/// nudge left behind) reads the scope's outbox a page at a time until it is empty. A consumer's failure leaves the
/// events in the outbox for a retry of the nudge or the sweep. Read-the-outbox nudges for a scope already being
/// relayed in this process join that run: concurrent reads of one scope would only hand the same events out twice.
/// </summary>
public sealed class RelayOutbox(IOutbox outbox, IEnumerable<IOutboxConsumer> consumers, TimeProvider clock, ILogger<RelayOutbox> logger)
{
    private const int Page = 100;
    private readonly CoalescedRuns runs = new();

    /// <summary>Relays the scope's outbox until it is empty, or joins the relay of this scope in progress; returns how many events this call relayed.</summary>
    public Task<int> RunAsync(string scope, CancellationToken cancellationToken) =>
        runs.RunAsync(scope, () => RelayAllAsync(scope, cancellationToken));

    /// <summary>Relays events the writer named as committed, without reading the outbox.</summary>
    public async Task<int> RunAsync(string scope, IReadOnlyList<OutboxEntry> committed, CancellationToken cancellationToken)
    {
        using var activity = PlatformTelemetry.Activities.StartActivity("outbox.relay");
        if (committed.Count > 0) await HandOnAsync(scope, committed, cancellationToken);
        activity?.SetTag("ef.events", committed.Count);
        return committed.Count;
    }

    private async Task<int> RelayAllAsync(string scope, CancellationToken cancellationToken)
    {
        using var activity = PlatformTelemetry.Activities.StartActivity("outbox.relay");
        var relayed = 0;
        while (true)
        {
            var entries = await outbox.ReadAsync(scope, Page, cancellationToken);
            if (entries.Count == 0) return relayed;
            await HandOnAsync(scope, entries, cancellationToken);
            relayed += entries.Count;
            activity?.SetTag("ef.events", relayed);
            if (entries.Count < Page) return relayed;
        }
    }

    private async Task HandOnAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        // Consumers are independent (settlement, payouts, webhooks, integration events), and each only queues work,
        // so one slow one does not hold up the others' latency, and none waits on a dependency outside storage.
        await Task.WhenAll(consumers.Select(consumer => consumer.ConsumeAsync(scope, entries, cancellationToken)));
        await outbox.MarkDispatchedAsync(scope, entries, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in entries) PlatformTelemetry.OutboxAge.Record((now - entry.Event.Created).TotalSeconds, PlatformTelemetry.Tags(("scope", scope)));
        PlatformTelemetry.QueueWork.Add(entries.Count, PlatformTelemetry.Tags(("function", "RelayOutbox"), ("outcome", "relayed")));
        logger.LogInformation("Relayed {Count} events of {Scope} ({First} … {Last})", entries.Count, scope, entries[0].Event.Id, entries[^1].Event.Id);
    }
}
