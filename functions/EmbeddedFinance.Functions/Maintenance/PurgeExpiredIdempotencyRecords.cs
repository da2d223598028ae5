using EmbeddedFinance.Core.Idempotency;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Functions.Maintenance;

/// <summary>Tables have no TTL: this deletes idempotency records past their 24 h retention.</summary>
public sealed class PurgeExpiredIdempotencyRecords(IIdempotencyStore store, ILogger<PurgeExpiredIdempotencyRecords> logger)
{
    [Function(nameof(PurgeExpiredIdempotencyRecords))]
    public async Task RunAsync([TimerTrigger("%Schedules:PurgeIdempotency%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var purged = await store.PurgeExpiredAsync(cancellationToken);
        logger.LogInformation("Purged {Count} expired idempotency records", purged);
    }
}
