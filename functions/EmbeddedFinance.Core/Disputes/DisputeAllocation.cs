using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>
/// Who bears a dispute: every party of the payment — the fee account, each split account, or the merchant — in
/// proportion to what it still holds of the payment (what it received, <see cref="RefundAllocation.Received"/>, less
/// what it gave back through refunds, <see cref="RefundAllocation.GivenBack"/>), by largest remainder. The disputed
/// amount is at most what is left after refunds, so no party ever gives back more than it still holds.
/// </summary>
public static class DisputeAllocation
{
    /// <summary>What is left to dispute: the captured amount less refunds.</summary>
    public static long Disputable(Payment payment) => payment.Refundable;

    /// <summary>Each party's part of a dispute of <paramref name="amount"/> (at most <see cref="Disputable"/>), in the order of the payment's parties.</summary>
    public static IReadOnlyList<Share> Of(Payment payment, long amount)
    {
        if (amount < 0 || amount > Disputable(payment)) throw new ArgumentOutOfRangeException(nameof(amount), "A dispute takes at most what is left of the payment.");
        var held = RefundAllocation.Received(payment).Zip(RefundAllocation.GivenBack(payment), (got, gave) => (got.Party, Weight: got.Amount - gave.Amount)).ToList();
        return ProportionalAllocation.Allocate(amount, held).Select(part => new Share(part.Party, part.Amount)).ToList();
    }
}
