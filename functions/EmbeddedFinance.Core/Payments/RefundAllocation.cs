using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// Who gives back a refund. The split accounts (or the merchant, on a payment without splits) always give it back in
/// proportion to what each still holds of the payment (largest remainder, as at capture): that is the proportion of
/// what each received, and a partial refund's rounding is evened out by the next. The fee account gives back its
/// proportional share of the refund (of what it received) only with <c>refund_application_fee</c>; without it the
/// others bear the whole refund, and the fee gives back only what they no longer hold. So no party ever gives back
/// more than it received, and a full refund always returns everything that is left.
/// </summary>
public static class RefundAllocation
{
    /// <summary>What each party received of what was captured, the fee account first.</summary>
    public static IReadOnlyList<Share> Received(Payment payment) =>
        ProportionalAllocation.Allocate(payment.AmountCaptured, payment.Beneficiaries()).Select(part => new Share(part.Party, part.Amount)).ToList();

    /// <summary>What each party gave back so far, in the order of <see cref="Received"/>.</summary>
    public static IReadOnlyList<Share> GivenBack(Payment payment)
    {
        var received = Received(payment);
        if (payment.RefundedShares.Count == 0 && payment.AmountRefunded > 0)
        {
            // Refunded before shares were tracked: every refund then gave back in proportion, cumulatively.
            return ProportionalAllocation.Allocate(payment.AmountRefunded, received.Select(share => (share.Party, share.Amount)).ToList())
                .Select(part => new Share(part.Party, part.Amount)).ToList();
        }
        // Kept in the order of the parties (a party may appear twice, when a payment splits to one account twice).
        return payment.RefundedShares.Count == received.Count ? payment.RefundedShares : received.Select(share => share with { Amount = 0 }).ToList();
    }

    /// <summary>Each party's part of a refund of <paramref name="amount"/> (at most what is refundable), the fee account first.</summary>
    public static IReadOnlyList<Share> Of(Payment payment, long amount, bool refundApplicationFee)
    {
        var received = Received(payment);
        var left = received.Zip(GivenBack(payment), (got, gave) => (got.Party, Weight: got.Amount - gave.Amount)).ToList();
        var feeLeft = left.Where(party => party.Party == LedgerAccounts.Fee).Sum(party => party.Weight);
        var feeShare = refundApplicationFee
            ? Math.Min(feeLeft, ProportionalAllocation.Allocate(amount, received.Select(share => (share.Party, share.Amount)).ToList()).First(part => part.Party == LedgerAccounts.Fee).Amount)
            : 0;
        var others = left.Where(party => party.Party != LedgerAccounts.Fee).ToList();
        var fromOthers = Math.Min(amount - feeShare, others.Sum(party => party.Weight));
        return
        [
            new Share(LedgerAccounts.Fee, amount - fromOthers),
            .. ProportionalAllocation.Allocate(fromOthers, others).Select(part => new Share(part.Party, part.Amount)),
        ];
    }
}
