using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Payouts;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>The submission message of a payout (<c>%Queues:Payouts%</c>).</summary>
public sealed record PayoutSubmission(string Scope, string PayoutId, int Parked = 0) : Core.Recovery.IParkable<PayoutSubmission>
{
    public PayoutSubmission ParkedOnceMore() => this with { Parked = Parked + 1 };
}

public sealed class QueuePayoutQueue(QueueMessages messages, IOptions<QueueNames> names) : IPayoutQueue
{
    public Task SubmitAsync(string scope, string payoutId, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.Payouts, new PayoutSubmission(scope, payoutId), TimeSpan.Zero, cancellationToken);

    public Task ReportAsync(PayoutRailReport report, TimeSpan delay, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.PayoutReports, report, delay, cancellationToken);
}
