using EmbeddedFinance.Core.Payouts;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Payouts;

/// <summary>Pays the accounts whose payout schedule has come due (found through the due index).</summary>
public sealed class PayoutScheduleFunctions(PayScheduledPayouts schedule)
{
    [Function("PayScheduledPayouts")]
    public Task PayAsync([TimerTrigger("%Schedules:PayScheduledPayouts%")] TimerInfo timer, CancellationToken cancellationToken) =>
        schedule.RunAsync(cancellationToken);
}
