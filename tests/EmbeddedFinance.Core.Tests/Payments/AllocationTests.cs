using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Tests.Payments;

public sealed class AllocationTests
{
    [Fact]
    public void Allocation_always_adds_up_exactly_and_never_gives_a_party_more_than_its_share_rounded_up()
    {
        var random = new Random(20261125);
        for (var run = 0; run < 5_000; run++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(i => ($"p{i}", (long)random.Next(0, 1_000_000))).ToList();
            if (weights.All(w => w.Item2 == 0)) continue;
            var total = random.NextInt64(0, Money.MaxAmount);

            var parts = ProportionalAllocation.Allocate(total, weights);

            Assert.Equal(total, parts.Sum(p => p.Amount));
            var weightSum = weights.Sum(w => w.Item2);
            Assert.All(parts.Zip(weights), pair =>
            {
                var exactTimesSum = total * pair.Second.Item2;
                Assert.InRange(pair.First.Amount * weightSum, exactTimesSum - weightSum + 1, exactTimesSum + weightSum - 1);
            });
        }
    }

    [Fact]
    public void Any_sequence_of_partial_refunds_returns_exactly_what_each_party_received_and_every_transaction_balances()
    {
        var random = new Random(7);
        for (var run = 0; run < 500; run++)
        {
            var payment = RandomCapture(random);
            var postings = new List<Posting>(PaymentPostings.ForCapture(payment));
            Assert.Equal(0, postings.Sum(p => p.Amount));

            while (payment.Refundable > 0)
            {
                var (after, _) = payment.Refund(random.NextInt64(1, payment.Refundable + 1)).Value;
                var refund = PaymentPostings.ForRefund(payment, after);
                Assert.Equal(0, refund.Sum(p => p.Amount));
                postings.AddRange(refund);
                payment = after;
            }

            Assert.All(postings.GroupBy(p => p.Account), account => Assert.Equal(0, account.Sum(p => p.Amount)));
        }
    }

    [Fact]
    public void An_unbalanced_ledger_transaction_cannot_be_created() =>
        Assert.Throws<InvalidOperationException>(() => LedgerTransaction.Create("s", Usd, "t", "r", [new Posting("a", 5), new Posting("b", -4)], TimeProvider.System));

    private static readonly Currency Usd = Currency.TryParse("usd", out var usd) ? usd : throw new InvalidOperationException();

    /// <summary>A payment of a random amount, fee and two splits (either may be empty), captured in part or in full.</summary>
    internal static Payment RandomCapture(Random random)
    {
        var amount = random.NextInt64(2, 1_000_000);
        var fee = random.NextInt64(0, amount);
        var a = random.NextInt64(0, amount - fee);
        var splits = new List<Split> { new("acct_a", a), new("acct_b", amount - fee - a) }.Where(s => s.Amount > 0).ToList();
        return NewPayment(amount, fee, splits).Capture(random.NextInt64(1, amount + 1)).Value!;
    }

    internal static Payment NewPayment(long amount, long fee = 0, IReadOnlyList<Split>? splits = null) => new(
        "pay_1", "mer_1:test", Mode.Test, amount, Usd, PaymentStatus.RequiresCapture, false, 0, 0, fee, splits ?? [],
        new CardToken("tok_1", "mer_1:test", CardBrand.Visa, "4242", new CardExpiry(12, 2030), "fp", Mode.Test, DateTimeOffset.UtcNow),
        null, new Dictionary<string, string>(), null, null, DateTimeOffset.UtcNow);
}
