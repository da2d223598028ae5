using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Settlement;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Settlement;

/// <summary>Settlement jobs of a scope (<c>%Queues:Settlement%</c>).</summary>
public sealed class QueueSettlementQueue(QueueMessages messages, IOptions<QueueNames> names) : ISettlementQueue
{
    public Task EnqueueAsync(SettlementRequest request, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.Settlement, request, TimeSpan.Zero, cancellationToken);
}
