using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Tests.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Disputes;

/// <summary>Opening, answering and deciding disputes, against mocked stores.</summary>
public sealed class DisputeUseCaseTests
{
    private static readonly Caller.Merchant Shop = new("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<IPaymentStore> payments = new();
    private readonly Mock<IDisputeStore> disputes = new();
    private readonly Mock<IDisputeSchedule> schedule = new();
    private readonly List<DisputeChange> created = [];
    private readonly List<DisputeChange> updated = [];
    private readonly IOptions<DisputeOptions> options = Options.Create(new DisputeOptions { Fee = 1_500, SandboxAfter = TimeSpan.FromSeconds(5), SandboxDecideAfter = TimeSpan.FromSeconds(2) });
    private readonly Payment captured;

    public DisputeUseCaseTests()
    {
        captured = AllocationTests.NewPayment(10_000, fee: 1_000, splits: [new Split("acct_a", 6_000), new Split("acct_b", 3_000)]).Capture(null).Value!;
        disputes.Setup(s => s.CreateAsync(It.IsAny<DisputeChange>(), It.IsAny<CancellationToken>()))
            .Callback<DisputeChange, CancellationToken>((change, _) => created.Add(change)).Returns(Task.CompletedTask);
        disputes.Setup(s => s.UpdateAsync(It.IsAny<DisputeChange>(), It.IsAny<CancellationToken>()))
            .Callback<DisputeChange, CancellationToken>((change, _) => updated.Add(change)).Returns(Task.CompletedTask);
    }

    private OpenDispute Open => new(payments.Object, disputes.Object, schedule.Object, options, clock, NullLogger<OpenDispute>.Instance);

    private DisputeChanges Changes => new(disputes.Object, schedule.Object, options, clock, NullLogger<DisputeChanges>.Instance);

    private void PaymentReads(params Payment?[] versions)
    {
        var reads = payments.SetupSequence(s => s.GetAsync(captured.Scope, captured.Id, It.IsAny<CancellationToken>()));
        foreach (var version in versions) reads = reads.ReturnsAsync(version);
    }

    private async Task<Dispute> OpenedAsync(Payment payment)
    {
        PaymentReads(payment);
        Assert.Equal(OpenOutcome.Opened, await Open.OpenAsync(captured.Scope, captured.Id, CancellationToken.None));
        return created[^1].Dispute;
    }

    private void DisputeReads(Dispute dispute) => disputes.Setup(s => s.GetAsync(dispute.Scope, dispute.Id, It.IsAny<CancellationToken>())).ReturnsAsync(dispute);

    [Fact]
    public async Task Opening_withdraws_what_each_party_holds_in_proportion_plus_the_fee_in_one_balanced_change_with_the_payment_marked()
    {
        var dispute = await OpenedAsync(captured);

        var change = Assert.Single(created);
        Assert.Equal((10_000L, DisputeStatus.NeedsResponse, 1_500L), (dispute.Amount, dispute.Status, dispute.Fee));
        Assert.Equal([new Share(LedgerAccounts.Fee, 1_000), new Share("acct_a", 6_000), new Share("acct_b", 3_000)], dispute.Withdrawn);
        Assert.Equal(dispute.Id, change.Payment!.DisputeId);
        Assert.Equal(clock.GetUtcNow() + options.Value.EvidenceWindow, dispute.EvidenceDueBy);
        Assert.Equal((LedgerTypes.DisputeWithdrawal, dispute.Id, 0L), (change.Ledger!.Type, change.Ledger.Reference, change.Ledger.Postings.Sum(p => p.Amount)));
        Assert.Equal(-2_500, change.Ledger.Postings.Where(p => p.Account == LedgerAccounts.Fee).Sum(p => p.Amount));
        Assert.Equal(1_500, change.Ledger.Postings.Single(p => p.Account == LedgerAccounts.DisputeFees).Amount);
        Assert.Equal(-6_000, change.Ledger.Postings.Single(p => p.Account == LedgerAccounts.Pending("acct_a")).Amount);
        Assert.Equal(EventTypes.DisputeCreated, change.Event.Type);
    }

    [Fact]
    public async Task After_a_refund_only_what_is_left_is_disputed_and_no_party_gives_back_more_than_it_still_holds()
    {
        var refunded = captured.Refund(3_001).Value.Payment;

        var dispute = await OpenedAsync(refunded);

        Assert.Equal(6_999, dispute.Amount);
        var held = RefundAllocation.Received(refunded).Zip(RefundAllocation.GivenBack(refunded), (got, gave) => got.Amount - gave.Amount).ToList();
        Assert.Equal(held, dispute.Withdrawn.Select(share => share.Amount));
    }

    [Fact]
    public async Task A_payment_already_disputed_refunded_in_full_or_declined_opens_nothing_and_an_authorized_one_waits()
    {
        foreach (var payment in new[] { captured with { DisputeId = "dp_1" }, captured.Refund(null).Value.Payment, captured with { Status = PaymentStatus.Failed } })
        {
            PaymentReads(payment);
            Assert.Equal(OpenOutcome.Nothing, await Open.OpenAsync(captured.Scope, captured.Id, CancellationToken.None));
        }
        PaymentReads(AllocationTests.NewPayment(10_000));
        Assert.Equal(OpenOutcome.NotYetCaptured, await Open.OpenAsync(captured.Scope, captured.Id, CancellationToken.None));
        PaymentReads((Payment?)null);
        Assert.Equal(OpenOutcome.Nothing, await Open.OpenAsync(captured.Scope, captured.Id, CancellationToken.None));
        Assert.Empty(created);
    }

    [Fact]
    public async Task An_opening_that_loses_the_race_reads_again_finds_the_payment_disputed_and_stops()
    {
        PaymentReads(captured, captured with { DisputeId = "dp_other" });
        disputes.Setup(s => s.CreateAsync(It.IsAny<DisputeChange>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException("changed"));

        Assert.Equal(OpenOutcome.Nothing, await Open.OpenAsync(captured.Scope, captured.Id, CancellationToken.None));
        disputes.Verify(s => s.CreateAsync(It.IsAny<DisputeChange>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Submitting_evidence_schedules_the_decision_before_the_commit_and_a_won_dispute_reinstates_exactly_the_withdrawal()
    {
        var dispute = await OpenedAsync(captured);
        DisputeReads(dispute);
        var order = new List<string>();
        schedule.Setup(s => s.ScheduleAsync(It.IsAny<DisputeWork>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("schedule")).Returns(Task.CompletedTask);
        disputes.Setup(s => s.UpdateAsync(It.IsAny<DisputeChange>(), It.IsAny<CancellationToken>()))
            .Callback<DisputeChange, CancellationToken>((change, _) => { order.Add("commit"); updated.Add(change); }).Returns(Task.CompletedTask);

        var answer = await Changes.RespondAsync(Shop, dispute.Id, new UpdateDisputeCommand(new DisputeEvidence(UncategorizedText: DisputeEvidence.SandboxWinning), true), null, CancellationToken.None);

        Assert.True(answer.IsSuccess);
        Assert.Equal(["schedule", "commit"], order);
        var review = Assert.Single(updated).Dispute;
        Assert.Equal((DisputeStatus.UnderReview, clock.GetUtcNow()), (review.Status, review.EvidenceSubmitted));
        schedule.Verify(s => s.ScheduleAsync(new DisputeWork(DisputeWorkKind.Decide, dispute.Scope, dispute.Id, clock.GetUtcNow() + TimeSpan.FromSeconds(2)), It.IsAny<CancellationToken>()));

        DisputeReads(review);
        Assert.True(await Changes.DecideAsync(dispute.Scope, dispute.Id, CancellationToken.None));
        var closed = updated[^1];
        Assert.Equal((DisputeStatus.Won, EventTypes.DisputeClosed), (closed.Dispute.Status, closed.Event.Type));
        Assert.Equal(LedgerTypes.DisputeReinstatement, closed.Ledger!.Type);
        var withdrawal = created[0].Ledger!.Postings.Where(p => p.Account != LedgerAccounts.DisputeFees).GroupBy(p => p.Account).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        withdrawal[LedgerAccounts.Fee] += 1_500;
        Assert.Equal(withdrawal, closed.Ledger.Postings.ToDictionary(p => p.Account, p => -p.Amount));
    }

    [Fact]
    public async Task Other_evidence_loses_without_moving_money_and_a_closed_dispute_refuses_more_evidence()
    {
        var dispute = await OpenedAsync(captured) with { Status = DisputeStatus.UnderReview, Evidence = new DisputeEvidence(UncategorizedText: "receipt attached") };
        DisputeReads(dispute);

        Assert.True(await Changes.DecideAsync(dispute.Scope, dispute.Id, CancellationToken.None));

        var lost = Assert.Single(updated);
        Assert.Equal((DisputeStatus.Lost, (LedgerTransaction?)null), (lost.Dispute.Status, lost.Ledger));
        DisputeReads(lost.Dispute);
        Assert.False(await Changes.DecideAsync(dispute.Scope, dispute.Id, CancellationToken.None));
        var refused = await Changes.RespondAsync(Shop, dispute.Id, new UpdateDisputeCommand(DisputeEvidence.None, true), null, CancellationToken.None);
        Assert.Equal((409, "state_invalid"), (refused.Error?.Status, refused.Error?.Code));
        Assert.Single(updated);
    }

    [Fact]
    public async Task A_draft_keeps_earlier_fields_and_stays_open_without_scheduling_a_decision()
    {
        var dispute = await OpenedAsync(captured) with { Evidence = new DisputeEvidence(CustomerName: "Jane") };
        DisputeReads(dispute);

        var answer = await Changes.RespondAsync(Shop, dispute.Id, new UpdateDisputeCommand(new DisputeEvidence(ProductDescription: "A ride"), false), null, CancellationToken.None);

        Assert.True(answer.IsSuccess);
        var draft = Assert.Single(updated);
        Assert.Equal((DisputeStatus.NeedsResponse, "Jane", "A ride"), (draft.Dispute.Status, draft.Dispute.Evidence.CustomerName, draft.Dispute.Evidence.ProductDescription));
        Assert.Equal(EventTypes.DisputeUpdated, draft.Event.Type);
        schedule.Verify(s => s.ScheduleAsync(It.Is<DisputeWork>(work => work.Kind == DisputeWorkKind.Decide), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Opening_schedules_the_evidence_deadline_and_a_dispute_without_evidence_by_then_is_lost_while_a_submitted_one_is_not()
    {
        var dispute = await OpenedAsync(captured);
        schedule.Verify(s => s.ScheduleAsync(new DisputeWork(DisputeWorkKind.Expire, dispute.Scope, dispute.Id, dispute.EvidenceDueBy), It.IsAny<CancellationToken>()));
        DisputeReads(dispute);

        Assert.False(await Changes.ExpireAsync(dispute.Scope, dispute.Id, CancellationToken.None));
        clock.SetUtcNow(dispute.EvidenceDueBy);
        Assert.True(await Changes.ExpireAsync(dispute.Scope, dispute.Id, CancellationToken.None));

        var lost = Assert.Single(updated);
        Assert.Equal((DisputeStatus.Lost, EventTypes.DisputeClosed, (LedgerTransaction?)null), (lost.Dispute.Status, lost.Event.Type, lost.Ledger));
        DisputeReads(dispute with { Status = DisputeStatus.UnderReview });
        Assert.False(await Changes.ExpireAsync(dispute.Scope, dispute.Id, CancellationToken.None));
        Assert.Single(updated);
    }

    [Fact]
    public async Task The_sandbox_timer_looks_again_at_a_payment_not_yet_captured_and_keeps_work_that_failed()
    {
        var waiting = new DisputeWork(DisputeWorkKind.Open, captured.Scope, captured.Id, clock.GetUtcNow());
        var failing = new DisputeWork(DisputeWorkKind.Decide, captured.Scope, "dp_1", clock.GetUtcNow());
        schedule.Setup(s => s.DueAsync(clock.GetUtcNow(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([waiting, failing]);
        PaymentReads(AllocationTests.NewPayment(10_000));
        disputes.Setup(s => s.GetAsync(captured.Scope, "dp_1", It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("storage"));
        var run = new RunSandboxDisputes(schedule.Object, Open, Changes, options, clock, NullLogger<RunSandboxDisputes>.Instance);

        Assert.Equal(0, await run.RunAsync(CancellationToken.None));

        var later = waiting with { DueAt = clock.GetUtcNow() + TimeSpan.FromSeconds(5) };
        schedule.Verify(s => s.ScheduleAsync(later, It.IsAny<CancellationToken>()));
        schedule.Verify(s => s.RemoveAsync(waiting, It.IsAny<CancellationToken>()));
        schedule.Verify(s => s.RemoveAsync(failing, It.IsAny<CancellationToken>()), Times.Never);
    }
}
