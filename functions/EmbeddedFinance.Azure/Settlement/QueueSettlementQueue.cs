using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Settlement;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Settlement;

public sealed class QueueSettlementQueue(QueueServiceClient queues, IOptions<QueueNames> names) : ISettlementQueue
{
    private readonly QueueClient queue = queues.GetQueueClient(names.Value.Settlement);

    public Task EnqueueAsync(SettlementRequest request, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(JsonSerializer.Serialize(request), cancellationToken);
}
