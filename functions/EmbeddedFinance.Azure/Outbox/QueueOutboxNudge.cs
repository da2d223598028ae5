using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Outbox;

/// <summary>
/// Nudges the relay through the outbox queue, at most one message per scope per <see cref="Window"/>: the relay
/// reads everything undispatched, so one nudge serves every commit in the window (the window ends with a send,
/// never before, so the last commit is always covered). Sending is off the request path; a lost nudge (crash,
/// storage down) leaves the events to the sweep, which is why a failure here is a warning, not an error.
/// </summary>
public sealed class QueueOutboxNudge(QueueServiceClient queues, IOptions<QueueNames> names, ILogger<QueueOutboxNudge> logger) : IOutboxNudge
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);
    private readonly QueueClient queue = queues.GetQueueClient(names.Value.Outbox);
    private readonly ConcurrentDictionary<string, byte> scheduled = new();

    public void Nudge(string scope)
    {
        if (!scheduled.TryAdd(scope, 0)) return;
        _ = SendAfterWindowAsync(scope);
    }

    private async Task SendAfterWindowAsync(string scope)
    {
        await Task.Delay(Window);
        // Free the slot before sending: a commit from now on schedules its own nudge.
        scheduled.TryRemove(scope, out _);
        try
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(new OutboxNudgeMessage(scope)));
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Outbox nudge for {Scope} not sent; the sweep will relay its events", scope);
        }
    }
}
