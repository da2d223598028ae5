using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// The ledger effect of captures and refunds: a capture debits the acquirer clearing account and credits each
/// beneficiary's pending balance; a refund reverses it in the same proportions. Cumulative allocation makes a
/// full refund return exactly what each party received, whatever the rounding of partial ones.
/// </summary>
public static class PaymentPostings
{
    public static IReadOnlyList<Posting> ForCapture(Payment captured)
    {
        var shares = ProportionalAllocation.Allocate(captured.AmountCaptured, captured.Beneficiaries());
        return [new Posting(LedgerAccounts.Clearing, -captured.AmountCaptured), .. shares.Select(share => new Posting(PendingOf(share.Party), share.Amount))];
    }

    public static IReadOnlyList<Posting> ForRefund(Payment before, Payment after)
    {
        var received = ProportionalAllocation.Allocate(after.AmountCaptured, after.Beneficiaries());
        var refundedAfter = ProportionalAllocation.Allocate(after.AmountRefunded, received);
        var refundedBefore = ProportionalAllocation.Allocate(before.AmountRefunded, received);
        var refund = after.AmountRefunded - before.AmountRefunded;
        return
        [
            new Posting(LedgerAccounts.Clearing, refund),
            .. refundedAfter.Zip(refundedBefore, (now, earlier) => new Posting(PendingOf(now.Party), -(now.Amount - earlier.Amount))),
        ];
    }

    private static string PendingOf(string party) => party == LedgerAccounts.Fee ? LedgerAccounts.Fee : LedgerAccounts.Pending(party);
}
