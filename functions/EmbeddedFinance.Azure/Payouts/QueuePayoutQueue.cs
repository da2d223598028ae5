using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Payouts;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>Payout submissions (<c>%Queues:Payouts%</c>) and the rail's reports (<c>%Queues:PayoutReports%</c>), a report hidden until its time comes.</summary>
public sealed class QueuePayoutQueue(QueueMessages messages, IOptions<QueueNames> names) : IPayoutQueue
{
    public Task SubmitAsync(string scope, string payoutId, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.Payouts, new PayoutSubmission(scope, payoutId), TimeSpan.Zero, cancellationToken);

    public Task ReportAsync(PayoutRailReport report, TimeSpan delay, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.PayoutReports, report, delay, cancellationToken);
}
