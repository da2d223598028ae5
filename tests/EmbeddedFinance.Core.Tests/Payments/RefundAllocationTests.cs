using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Tests.Payments;

public sealed class RefundAllocationTests
{
    // 1000 paid: the platform's fee 100, driver A 600, driver B 300.
    private static readonly Payment Captured = AllocationTests.NewPayment(1_000, fee: 100, [new("acct_a", 600), new("acct_b", 300)]).Capture(null).Value!;

    private static Dictionary<string, long> Postings(Payment before, Payment after) =>
        PaymentPostings.ForRefund(before, after).GroupBy(posting => posting.Account).ToDictionary(group => group.Key, group => group.Sum(posting => posting.Amount));

    [Fact]
    public void Without_refund_application_fee_the_split_accounts_bear_the_whole_refund_in_proportion_and_the_fee_keeps_its_share()
    {
        var (after, _) = Captured.Refund(500).Value;

        var postings = Postings(Captured, after);
        Assert.Equal(0, postings.Values.Sum());
        Assert.Equal(500, postings[LedgerAccounts.Clearing]);
        Assert.Equal((-333L, -167L), (postings["acct_a:pending"], postings["acct_b:pending"]));
        Assert.Equal(0, postings.GetValueOrDefault(LedgerAccounts.Fee));
    }

    [Fact]
    public void With_refund_application_fee_the_fee_gives_back_its_share_in_proportion_too()
    {
        var (after, _) = Captured.Refund(500, refundApplicationFee: true).Value;

        var postings = Postings(Captured, after);
        Assert.Equal(0, postings.Values.Sum());
        Assert.Equal((500L, -50L, -300L, -150L), (postings[LedgerAccounts.Clearing], postings[LedgerAccounts.Fee], postings["acct_a:pending"], postings["acct_b:pending"]));
    }

    [Fact]
    public void Once_the_split_accounts_gave_back_all_they_received_the_rest_of_a_refund_comes_from_the_fee()
    {
        var (half, _) = Captured.Refund(500).Value;
        var (full, _) = half.Refund(null).Value;

        var postings = Postings(half, full);
        Assert.Equal((500L, -100L, -267L, -133L), (postings[LedgerAccounts.Clearing], postings[LedgerAccounts.Fee], postings["acct_a:pending"], postings["acct_b:pending"]));
        Assert.Equal([new(LedgerAccounts.Fee, 100), new("acct_a", 600), new("acct_b", 300)], full.RefundedShares);
    }

    [Fact]
    public void A_payment_without_splits_refunds_from_the_merchant_and_keeps_the_fee_unless_asked()
    {
        var captured = AllocationTests.NewPayment(1_000, fee: 100).Capture(null).Value!;

        var kept = Postings(captured, captured.Refund(300).Value.Payment);
        var refunded = Postings(captured, captured.Refund(300, refundApplicationFee: true).Value.Payment);

        Assert.Equal(-300, kept["merchant:pending"]);
        Assert.Equal(0, kept.GetValueOrDefault(LedgerAccounts.Fee));
        Assert.Equal((-30L, -270L), (refunded[LedgerAccounts.Fee], refunded["merchant:pending"]));
    }

    [Fact]
    public void A_payment_refunded_before_shares_were_kept_gives_back_the_rest_as_if_every_refund_had_been_proportional()
    {
        // A row written before refunds kept their shares: 500 refunded, proportionally (fee 50, A 300, B 150).
        var old = Captured with { AmountRefunded = 500, RefundedShares = [] };

        var (after, _) = old.Refund(null).Value;

        Assert.Equal([new(LedgerAccounts.Fee, 100), new("acct_a", 600), new("acct_b", 300)], after.RefundedShares);
        Assert.Equal((-50L, -300L, -150L), (Postings(old, after)[LedgerAccounts.Fee], Postings(old, after)["acct_a:pending"], Postings(old, after)["acct_b:pending"]));
    }

    [Fact]
    public void Any_mix_of_partial_refunds_with_and_without_the_fee_balances_never_takes_more_than_a_party_received_and_ends_at_what_each_received()
    {
        var random = new Random(20);
        for (var run = 0; run < 1_000; run++)
        {
            var payment = AllocationTests.RandomCapture(random);
            var received = RefundAllocation.Received(payment);

            while (payment.Refundable > 0)
            {
                var withFee = random.Next(2) == 0;
                var (after, refunded) = payment.Refund(random.NextInt64(1, payment.Refundable + 1), withFee).Value;
                var given = PaymentPostings.GivenBy(payment, after);
                Assert.Equal(0, PaymentPostings.ForRefund(payment, after).Sum(p => p.Amount));
                Assert.Equal(refunded, given.Sum(share => share.Amount));
                Assert.All(given, share => Assert.True(share.Amount >= 0));
                Assert.All(after.RefundedShares.Zip(received), pair => Assert.InRange(pair.First.Amount, 0, pair.Second.Amount));
                // Without the fee, the fee gives back only what the others no longer hold.
                var othersHeld = received.Zip(RefundAllocation.GivenBack(payment), (got, gave) => (got.Party, Held: got.Amount - gave.Amount))
                    .Where(party => party.Party != LedgerAccounts.Fee).Sum(party => party.Held);
                if (!withFee) Assert.Equal(Math.Max(0, refunded - othersHeld), given[0].Amount);
                payment = after;
            }

            Assert.Equal(received, payment.RefundedShares);
        }
    }
}
