namespace EmbeddedFinance.Azure.Payouts;

/// <summary>The submission message of a payout (<c>%Queues:Payouts%</c>).</summary>
public sealed record PayoutSubmission(string Scope, string PayoutId, int Parked = 0) : Core.Recovery.IParkable<PayoutSubmission>
{
    public PayoutSubmission ParkedOnceMore() => this with { Parked = Parked + 1 };
}
