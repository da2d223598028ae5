using EmbeddedFinance.Core.Api;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Operations;

/// <summary>
/// The operator's view of stuck work and the way back: poisoned messages are listed, and once the bug that
/// poisoned them is fixed, requeued to the queue they came from (every consumer is idempotent by id).
/// </summary>
public sealed class PoisonQueueCommands(IPoisonQueues queues, ILogger<PoisonQueueCommands> logger)
{
    /// <summary>The most messages one queue's listing shows (the queue service peeks at most 32).</summary>
    public const int PeekLimit = 32;

    public async Task<Result<StoredResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var found = await queues.PeekAsync(PeekLimit, cancellationToken);
        return StoredResponse.Of(200, new ListView<PoisonQueueView>("list", found, false, "/v1/admin/poison"));
    }

    public async Task<Result<StoredResponse>> RequeueAsync(string queue, int limit, CancellationToken cancellationToken)
    {
        if (!queues.Queues.Contains(queue, StringComparer.Ordinal)) return Errors.ResourceMissing("queue", "queue");
        var requeued = await queues.RequeueAsync(queue, limit, cancellationToken);
        // An operator's action on money-moving work: say what moved (the audit trail says who asked).
        logger.LogWarning("Requeued {Requeued} of at most {Limit} poisoned messages from {PoisonQueue} to {Queue}", requeued, limit, queue + IPoisonQueues.Suffix, queue);
        return StoredResponse.Of(200, new PoisonRequeueView("poison_requeue", queue, requeued));
    }
}
