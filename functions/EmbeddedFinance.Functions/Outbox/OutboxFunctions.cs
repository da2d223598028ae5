using EmbeddedFinance.Azure.Outbox;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Functions.Recovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Functions.Outbox;

public sealed class OutboxFunctions(RelayOutbox relay, IOutbox outbox, IOutboxNudge nudge, QueueWork work, TimeProvider clock, ILogger<OutboxFunctions> logger)
{
    /// <summary>How old an undispatched event must be before the sweep takes it as left behind, not just in flight.</summary>
    public static readonly TimeSpan LeftBehindAfter = TimeSpan.FromSeconds(5);

    [Function(nameof(RelayOutbox))]
    public Task RelayAsync([QueueTrigger("%Queues:Outbox%")] OutboxNudgeMessage message, CancellationToken cancellationToken) =>
        work.RunAsync(nameof(RelayOutbox), queues => queues.Outbox, message,
            () => message.Entries() is { } committed ? relay.RunAsync(message.Scope, committed, cancellationToken) : relay.RunAsync(message.Scope, cancellationToken), cancellationToken);

    [Function("SweepOutbox")]
    public async Task SweepAsync([TimerTrigger("%Schedules:SweepOutbox%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var scopes = await outbox.ScopesWithStaleEntriesAsync(clock.GetUtcNow() - LeftBehindAfter, cancellationToken);
        foreach (var scope in scopes) nudge.Nudge(scope);
        if (scopes.Count > 0) logger.LogWarning("Outbox sweep found events left behind in {Count} scopes; relaying them", scopes.Count);
    }
}
