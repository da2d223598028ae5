using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// The ledger effect of captures and refunds: a capture debits the acquirer clearing account and credits each
/// beneficiary's pending balance; a refund takes back from each what <see cref="RefundAllocation"/> decides, which never
/// exceeds what it received, and a full refund returns exactly what each party received.
/// </summary>
public static class PaymentPostings
{
    public static IReadOnlyList<Posting> ForCapture(Payment captured)
    {
        var shares = ProportionalAllocation.Allocate(captured.AmountCaptured, captured.Beneficiaries());
        return [new Posting(LedgerAccounts.Clearing, -captured.AmountCaptured), .. shares.Select(share => new Posting(PendingOf(share.Party), share.Amount))];
    }

    /// <summary>The refund between two versions of a payment: clearing gets it back, each party gives back its part (<see cref="RefundAllocation"/>).</summary>
    public static IReadOnlyList<Posting> ForRefund(Payment before, Payment after) =>
    [
        new Posting(LedgerAccounts.Clearing, after.AmountRefunded - before.AmountRefunded),
        .. GivenBy(before, after).Select(share => new Posting(PendingOf(share.Party), -share.Amount)),
    ];

    /// <summary>What each party gave back between two versions of a payment, in the order of <see cref="Payment.Beneficiaries"/>.</summary>
    public static IReadOnlyList<Share> GivenBy(Payment before, Payment after) =>
        RefundAllocation.GivenBack(after).Zip(RefundAllocation.GivenBack(before), (now, earlier) => new Share(now.Party, now.Amount - earlier.Amount)).ToList();

    /// <summary>Where a party's share of a payment lands: the fee account itself, or the party's pending balance.</summary>
    public static string PendingOf(string party) => party == LedgerAccounts.Fee ? LedgerAccounts.Fee : LedgerAccounts.Pending(party);
}
