using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Payouts;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>The submission message of a payout (<c>%Queues:Payouts%</c>).</summary>
public sealed record PayoutSubmission(string Scope, string PayoutId, int Parked = 0) : Core.Recovery.IParkable<PayoutSubmission>
{
    public PayoutSubmission ParkedOnceMore() => this with { Parked = Parked + 1 };
}

public sealed class QueuePayoutQueue(QueueServiceClient queues, IOptions<QueueNames> names) : IPayoutQueue
{
    private readonly QueueClient submissions = queues.GetQueueClient(names.Value.Payouts);
    private readonly QueueClient reports = queues.GetQueueClient(names.Value.PayoutReports);

    public Task SubmitAsync(string scope, string payoutId, CancellationToken cancellationToken) =>
        submissions.SendMessageAsync(JsonSerializer.Serialize(new PayoutSubmission(scope, payoutId)), cancellationToken);

    public Task ReportAsync(PayoutRailReport report, TimeSpan delay, CancellationToken cancellationToken) =>
        reports.SendMessageAsync(JsonSerializer.Serialize(report), visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);
}
