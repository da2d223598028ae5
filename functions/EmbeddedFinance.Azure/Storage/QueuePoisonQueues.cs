using Azure;
using Azure.Storage.Queues;
using EmbeddedFinance.Core.Operations;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Poison queues through the raw queue client (no message encoding): a poisoned message is copied back exactly as
/// the trigger host stored it, as text, even when it is not the base64 the triggers expect.
/// </summary>
public sealed class QueuePoisonQueues(IAzureClientFactory<QueueServiceClient> clients, IOptions<QueueNames> names) : IPoisonQueues
{
    /// <summary>How long a message being moved stays hidden; one the move did not finish reappears in the poison queue after it.</summary>
    private static readonly TimeSpan MoveLease = TimeSpan.FromMinutes(1);

    private readonly QueueServiceClient queues = clients.CreateClient(StorageClients.RawQueues);

    public IReadOnlyList<string> Queues { get; } = names.Value.All.ToList();

    public async Task<IReadOnlyList<PoisonQueueView>> PeekAsync(int peek, CancellationToken cancellationToken) =>
        await Task.WhenAll(Queues.Select(queue => PeekAsync(queue, peek, cancellationToken)));

    public async Task<int> RequeueAsync(string queue, int limit, CancellationToken cancellationToken)
    {
        var main = queues.GetQueueClient(queue);
        var poison = queues.GetQueueClient(queue + IPoisonQueues.Suffix);
        await main.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = 0;
        while (moved < limit)
        {
            global::Azure.Storage.Queues.Models.QueueMessage[] batch;
            try
            {
                batch = (await poison.ReceiveMessagesAsync(Math.Min(PoisonQueueCommands.PeekLimit, limit - moved), MoveLease, cancellationToken)).Value;
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
                return moved;
            }
            if (batch.Length == 0) return moved;
            foreach (var message in batch)
            {
                // Sent first, deleted after: a failure in between leaves a duplicate, never a lost message (consumers are idempotent by id).
                await main.SendMessageAsync(message.MessageText, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
        return moved;
    }

    private async Task<PoisonQueueView> PeekAsync(string queue, int peek, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(queue + IPoisonQueues.Suffix);
        try
        {
            var count = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var messages = count == 0 ? [] : (await poison.PeekMessagesAsync(peek, cancellationToken)).Value;
            return new PoisonQueueView(queue, poison.Name, count, messages
                .Select(message => new PoisonMessageView(message.MessageId, message.InsertedOn?.ToUnixTimeSeconds(), message.DequeueCount, message.MessageText))
                .ToList());
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // Nothing was ever poisoned there: the host creates a poison queue with its first message.
            return new PoisonQueueView(queue, poison.Name, 0, []);
        }
    }
}
