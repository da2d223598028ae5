using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Recovery;

/// <summary>Drives work whose messages were lost: payouts still open and deliveries never attempted past their checks.</summary>
public sealed class RedriveFunctions(RedriveStuckPayouts payouts, RedriveStuckDeliveries deliveries)
{
    [Function("RedriveStuckWork")]
    public async Task RedriveAsync([TimerTrigger("%Schedules:Redrive%")] TimerInfo timer, CancellationToken cancellationToken) =>
        // Side by side: the one failing (its store unreachable) must not hold up the other.
        await Task.WhenAll(payouts.RunAsync(cancellationToken), deliveries.RunAsync(cancellationToken));
}
