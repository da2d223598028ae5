using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Tests.Payments;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Core.Tests.Disputes;

/// <summary>
/// FsCheck: random sequences of split payments, refunds (with and without the fee), disputes (won and lost),
/// settlement runs of random size and payouts (manual, scheduled, and the rail's paid or failed report), through the
/// same domain code the use cases call (the payment's transitions, RefundAllocation, DisputeAllocation, the postings,
/// ReleasePostings and BalanceChanges) and, for payouts, the use cases themselves over the property's own ledger
/// (<see cref="SequencePayouts"/>): every ledger transaction balances, every balance equals the sum of the postings
/// applied to it, no party of a payment ever gives back more than it received or holds less than nothing of it, no
/// payout ever takes more than was available at the time, and a failed payout returns its money.
/// </summary>
public sealed class LedgerSequenceProperties
{
    private static readonly Currency Usd = Currency.TryParse("usd", out var usd) ? usd : throw new InvalidOperationException();
    private static readonly string[] Accounts = ["acct_a", "acct_b", "acct_c"];
    private const long DisputeFee = 1_500;

    /// <summary>
    /// One step: what it is (0 pay, 1 refund, 2 refund with the fee, 3 dispute, 4 win, 5 lose, 6 settle, 7 manual
    /// payout, 8 the payout schedule's timer, 9 the rail's report on a payout) and three numbers to choose with.
    /// </summary>
    public sealed record Step(int Kind, int A, int B, int C);

    private static readonly Gen<Step> Steps =
        from kind in Gen.Choose(0, 9)
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000_000)
        from c in Gen.Choose(0, 1_000_000)
        select new Step(kind, a, b, c);

    [Fact]
    public void Every_sequence_keeps_the_ledger_balanced_and_the_balances_equal_to_the_postings() =>
        Prop.ForAll(Steps.ListOf().Select(steps => steps.ToArray()).ToArbitrary(), steps => Run(steps))
            .QuickCheckThrowOnFailure();

    private static bool Run(Step[] steps)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var payments = new List<Payment>();
        var disputes = new List<Dispute>();
        var written = new List<LedgerTransaction>();
        var unsettled = new Queue<LedgerTransaction>();
        var applied = new List<LedgerTransaction>();
        var balances = new Dictionary<BalanceKey, Balance>();
        // Payouts commit at once, straight into the balances, as their batch does; they wait for no settlement.
        var payouts = new SequencePayouts(balances, applied, clock, Usd, Accounts);

        void Write(LedgerTransaction transaction)
        {
            written.Add(transaction);
            unsettled.Enqueue(transaction);
        }

        void Settle(int jobs)
        {
            // One run: its jobs' transactions and their releases, summed per balance as SettleScope does.
            var run = new List<LedgerTransaction>();
            for (var i = 0; i < jobs && unsettled.Count > 0; i++)
            {
                var job = unsettled.Dequeue();
                run.Add(job);
                var release = ReleasePostings.For(job.Postings);
                if (release.Count > 0) run.Add(LedgerTransaction.Create(job.Scope, job.Currency, LedgerTypes.Release, job.Id, release, clock));
            }
            var changes = BalanceChanges.Of(run);
            var current = changes.ToDictionary(change => change.Key, change => balances.GetValueOrDefault(change.Key) ?? Balance.Empty(change.Key));
            foreach (var balance in BalanceChanges.Apply(changes, current)) balances[balance.Key] = balance;
            applied.AddRange(run);
        }

        foreach (var step in steps)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            switch (step.Kind)
            {
                case 0:
                    var captured = NewPayment(step, clock);
                    payments.Add(captured);
                    Write(LedgerTransaction.Create(captured.Scope, Usd, LedgerTypes.Capture, captured.Id, PaymentPostings.ForCapture(captured), clock));
                    break;
                case 1 or 2 when payments.Count > 0:
                    var index = step.A % payments.Count;
                    var before = payments[index];
                    if (before.Refundable == 0 || before.DisputeId is not null) break;
                    var refunded = before.Refund(step.B % 2 == 0 ? null : 1 + step.C % before.Refundable, refundApplicationFee: step.Kind == 2);
                    if (!refunded.IsSuccess) return false;
                    payments[index] = refunded.Value.Payment;
                    Write(LedgerTransaction.Create(before.Scope, Usd, LedgerTypes.Refund, "re_" + written.Count, PaymentPostings.ForRefund(before, refunded.Value.Payment), clock));
                    break;
                case 3 when payments.Count > 0:
                    var disputedIndex = step.A % payments.Count;
                    var payment = payments[disputedIndex];
                    if (payment.DisputeId is not null || DisputeAllocation.Disputable(payment) == 0) break;
                    var amount = DisputeAllocation.Disputable(payment);
                    var dispute = new Dispute(PrefixedId.New("dp", clock), payment.Scope, Mode.Test, payment.Id, amount, Usd, Dispute.SandboxReason, DisputeStatus.NeedsResponse,
                        clock.GetUtcNow().AddDays(7), clock.GetUtcNow(), DisputeAllocation.Of(payment, amount), DisputeFee, DisputeEvidence.None, null);
                    if (dispute.Withdrawn.Sum(share => share.Amount) != amount) return false;
                    disputes.Add(dispute);
                    payments[disputedIndex] = payment with { DisputeId = dispute.Id };
                    Write(LedgerTransaction.Create(payment.Scope, Usd, LedgerTypes.DisputeWithdrawal, dispute.Id, DisputePostings.ForWithdrawal(dispute), clock));
                    break;
                case 4 or 5 when disputes.Count > 0:
                    var which = step.A % disputes.Count;
                    var evidence = new DisputeEvidence(UncategorizedText: step.Kind == 4 ? DisputeEvidence.SandboxWinning : "receipt");
                    var submitted = disputes[which].Respond(evidence, submit: true, clock.GetUtcNow());
                    if (!submitted.IsSuccess) break;
                    var decided = submitted.Value!.DecideInSandbox().Value!;
                    disputes[which] = decided;
                    if (decided.Status == DisputeStatus.Won)
                    {
                        Write(LedgerTransaction.Create(decided.Scope, Usd, LedgerTypes.DisputeReinstatement, decided.Id, DisputePostings.ForReinstatement(decided), clock));
                    }
                    break;
                case 6:
                    Settle(1 + step.A % 20);
                    break;
                case 7:
                    payouts.PayManually(Accounts[step.A % Accounts.Length], step.C, instant: step.B % 3 == 0);
                    break;
                case 8:
                    payouts.RunSchedule(nextMidnight: step.A % 2 == 0, replay: step.B % 3 == 0);
                    break;
                case 9:
                    payouts.Report(step.A, paid: step.B % 3 != 0);
                    break;
            }
        }
        Settle(int.MaxValue);

        // Every transaction balances; every balance is the sum of the postings applied to it.
        if (applied.Any(transaction => transaction.Postings.Sum(p => p.Amount) != 0)) return false;
        var sums = applied.SelectMany(t => t.Postings).GroupBy(p => p.Account).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        if (sums.Any(sum => sum.Value != (balances.GetValueOrDefault(new BalanceKey(sum.Key, Usd))?.Amount ?? 0))) return false;
        if (balances.Any(balance => balance.Value.Amount != sums.GetValueOrDefault(balance.Key.Account))) return false;
        // Everything pending was released.
        if (balances.Any(balance => balance.Key.Account.EndsWith(":pending", StringComparison.Ordinal) && balance.Value.Amount != 0)) return false;
        // No payout took more than was available when it was made, none paid a period twice, a failed one returned its
        // money; in transit and paid out are exactly what the open and the paid payouts carry.
        if (!payouts.Holds()) return false;

        // Each party of each payment holds between nothing and what it received of it; a won dispute returned all it took.
        foreach (var payment in payments)
        {
            var received = RefundAllocation.Received(payment);
            var held = received.Zip(RefundAllocation.GivenBack(payment), (got, gave) => got.Amount - gave.Amount).ToList();
            var dispute = disputes.SingleOrDefault(d => d.PaymentId == payment.Id);
            var taken = dispute is null || dispute.Status == DisputeStatus.Won ? held.Select(_ => 0L).ToList() : dispute.Withdrawn.Select(share => share.Amount).ToList();
            if (held.Zip(taken, (h, t) => h - t).Zip(received, (left, got) => left < 0 || left > got.Amount).Any(bad => bad)) return false;
        }
        // The platform paid exactly one dispute fee per dispute, won or lost.
        return (balances.GetValueOrDefault(new BalanceKey(LedgerAccounts.DisputeFees, Usd))?.Amount ?? 0) == DisputeFee * disputes.Count;
    }

    private static Payment NewPayment(Step step, TimeProvider clock)
    {
        var amount = 1 + step.A % 100_000;
        var fee = step.B % (amount + 1) / 3;
        var splitCount = step.C % (Accounts.Length + 1);
        var splits = new List<Split>();
        var rest = amount - fee;
        for (var i = 0; i < splitCount && rest > 0; i++)
        {
            var share = i == splitCount - 1 ? rest : Math.Max(1, rest * (1 + (step.C >> (i + 2)) % 7) / 10);
            splits.Add(new Split(Accounts[i], share));
            rest -= share;
        }
        if (splits.Count > 0 && rest > 0) splits[^1] = splits[^1] with { Amount = splits[^1].Amount + rest };
        return AllocationTests.NewPayment(amount, fee, splits) with { Id = PrefixedId.New("pay", clock), Scope = "mer_1:test" } is var authorized
            ? authorized.Capture(step.C % 3 == 0 ? 1 + step.B % amount : null).Value!
            : throw new InvalidOperationException();
    }
}
