using System.Text.Json;
using Azure.Storage.Queues;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Writes a message the way every queue trigger of the app reads it: JSON (base64 by the clients' options), hidden
/// for whole seconds when delayed. The one way to send: the typed queues, the outbox nudge and the parking of failed work use it.
/// </summary>
public sealed class QueueMessages(QueueServiceClient queues)
{
    public Task SendAsync<T>(string queue, T message, TimeSpan delay, CancellationToken cancellationToken) =>
        queues.GetQueueClient(queue).SendMessageAsync(JsonSerializer.Serialize(message), visibilityTimeout: Hidden(delay), cancellationToken: cancellationToken);

    // A queue hides messages for whole seconds, and would round a delay down (to none at all under one second).
    private static TimeSpan? Hidden(TimeSpan delay) => delay > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)) : null;
}
