using System.Text.Json;
using Azure.Storage.Queues;

namespace EmbeddedFinance.Azure.Recovery;

/// <summary>Puts a message back on a queue, hidden for a while, written the way the queue's own writers write it.</summary>
public sealed class QueueParking(QueueServiceClient queues)
{
    public Task ParkAsync<T>(string queue, T message, TimeSpan delay, CancellationToken cancellationToken) =>
        queues.GetQueueClient(queue).SendMessageAsync(JsonSerializer.Serialize(message),
            visibilityTimeout: TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(delay.TotalSeconds))), cancellationToken: cancellationToken);
}
