using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Payments;

public sealed class PaymentTransitionsTests
{
    private static readonly Caller.Merchant Shop = new("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<IPaymentStore> store = new();
    private readonly List<PaymentChange> updates = [];
    private readonly Payment authorized;

    public PaymentTransitionsTests()
    {
        authorized = AllocationTests.NewPayment(1_000, fee: 100) with { Id = PrefixedId.New("pay", clock), Scope = Shop.Scope };
        Stored(authorized);
        store.Setup(s => s.UpdateAsync(It.IsAny<PaymentChange>(), It.IsAny<CancellationToken>()))
            .Callback<PaymentChange, CancellationToken>((change, _) => updates.Add(change))
            .Returns(Task.CompletedTask);
    }

    private PaymentTransitions Transitions => new(store.Object, clock);

    private void Stored(params Payment[] versions)
    {
        var reads = store.SetupSequence(s => s.GetAsync(Shop.Scope, authorized.Id, It.IsAny<CancellationToken>()));
        foreach (var version in versions) reads = reads.ReturnsAsync(version);
    }

    private void UpdatesConflict(int times)
    {
        var conflicts = 0;
        store.Setup(s => s.UpdateAsync(It.IsAny<PaymentChange>(), It.IsAny<CancellationToken>()))
            .Callback<PaymentChange, CancellationToken>((change, _) =>
            {
                updates.Add(change);
                if (conflicts++ < times) throw new ConcurrencyConflictException("changed");
            })
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task An_id_that_is_not_a_payment_id_is_resource_missing_without_a_read()
    {
        var result = await Transitions.CaptureAsync(Shop, "po_1", null, null, CancellationToken.None);

        Assert.Equal((404, "resource_missing"), (result.Error?.Status, result.Error?.Code));
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_payment_not_in_the_scope_is_resource_missing()
    {
        var result = await Transitions.CancelAsync(Shop, PrefixedId.New("pay", clock), null, CancellationToken.None);

        Assert.Equal((404, "resource_missing"), (result.Error?.Status, result.Error?.Code));
        Assert.Empty(updates);
    }

    [Fact]
    public async Task Capture_commits_succeeded_with_capture_postings_and_payment_captured()
    {
        var result = await Transitions.CaptureAsync(Shop, authorized.Id, 500, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal(200, result.Value?.Status);
        Assert.Equal((PaymentStatus.Succeeded, 500L), (change.Payment.Status, change.Payment.AmountCaptured));
        Assert.Equal(LedgerTypes.Capture, change.Ledger?.Type);
        Assert.Equal(-500, change.Ledger!.Postings.Single(posting => posting.Account == LedgerAccounts.Clearing).Amount);
        Assert.Equal(EventTypes.PaymentCaptured, change.Event.Type);
    }

    [Fact]
    public async Task Cancel_commits_canceled_without_postings()
    {
        var result = await Transitions.CancelAsync(Shop, authorized.Id, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal(200, result.Value?.Status);
        Assert.Equal(PaymentStatus.Canceled, change.Payment.Status);
        Assert.Null(change.Ledger);
        Assert.Equal(EventTypes.PaymentCanceled, change.Event.Type);
    }

    [Theory]
    [InlineData(true, PaymentStatus.Succeeded, EventTypes.PaymentSucceeded)]
    [InlineData(false, PaymentStatus.RequiresCapture, EventTypes.PaymentRequiresCapture)]
    public async Task Approving_a_held_payment_closes_the_review_and_emits_the_event_of_its_new_status(bool captureAtOnce, PaymentStatus status, string statusEvent)
    {
        Stored(authorized with { Status = PaymentStatus.RequiresReview, CaptureOnCreate = captureAtOnce, AmountCaptured = 0 });

        await Transitions.ApproveAsync(Shop, authorized.Id, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal(status, change.Payment.Status);
        Assert.Equal((EventTypes.ReviewClosed, statusEvent), (change.Event.Type, change.StatusEvent?.Type));
        Assert.Equal(change.Event.ObjectJson, change.StatusEvent!.ObjectJson);
    }

    [Fact]
    public async Task Rejecting_a_held_payment_closes_the_review_and_emits_payment_canceled()
    {
        Stored(authorized with { Status = PaymentStatus.RequiresReview, AmountCaptured = 0 });

        await Transitions.RejectAsync(Shop, authorized.Id, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal((PaymentStatus.Canceled, EventTypes.ReviewClosed, EventTypes.PaymentCanceled), (change.Payment.Status, change.Event.Type, change.StatusEvent?.Type));
    }

    [Fact]
    public async Task Refund_commits_the_refund_with_postings_returning_it_to_clearing()
    {
        Stored(authorized.Capture(null).Value!);

        var result = await Transitions.RefundAsync(Shop, authorized.Id, 300, false, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal(201, result.Value?.Status);
        Assert.Equal((authorized.Id, 300L), (change.Refund?.PaymentId, change.Refund?.Amount));
        Assert.Equal(300, change.Payment.AmountRefunded);
        Assert.Equal((LedgerTypes.Refund, change.Refund!.Id), (change.Ledger?.Type, change.Ledger?.Reference));
        Assert.Equal(300, change.Ledger!.Postings.Single(posting => posting.Account == LedgerAccounts.Clearing).Amount);
        Assert.Equal(EventTypes.PaymentRefunded, change.Event.Type);
    }

    [Fact]
    public async Task A_refund_with_refund_application_fee_takes_the_fee_share_back_and_says_so()
    {
        Stored(authorized.Capture(null).Value!);

        await Transitions.RefundAsync(Shop, authorized.Id, 300, true, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal((true, 30L), (change.Refund!.RefundApplicationFee, change.Refund.ApplicationFeeRefunded));
        Assert.Equal(-30, change.Ledger!.Postings.Single(posting => posting.Account == LedgerAccounts.Fee).Amount);
        Assert.Equal([new Share(LedgerAccounts.Fee, 30), new Share(LedgerAccounts.Merchant, 270)], change.Payment.RefundedShares);
    }

    [Fact]
    public async Task A_refund_without_refund_application_fee_leaves_the_fee_alone()
    {
        Stored(authorized.Capture(null).Value!);

        await Transitions.RefundAsync(Shop, authorized.Id, 300, false, null, CancellationToken.None);

        var change = Assert.Single(updates);
        Assert.Equal(0, change.Refund!.ApplicationFeeRefunded);
        Assert.DoesNotContain(change.Ledger!.Postings, posting => posting.Account == LedgerAccounts.Fee);
        Assert.Equal(-300, change.Ledger.Postings.Single(posting => posting.Account == LedgerAccounts.Pending(LedgerAccounts.Merchant)).Amount);
    }

    [Fact]
    public async Task A_transition_the_state_forbids_is_state_invalid_and_writes_nothing()
    {
        var result = await Transitions.RefundAsync(Shop, authorized.Id, null, false, null, CancellationToken.None);

        Assert.Equal((409, "state_invalid"), (result.Error?.Status, result.Error?.Code));
        Assert.Empty(updates);
    }

    [Fact]
    public async Task After_a_conflict_it_reads_again_and_decides_on_what_the_payment_is_now()
    {
        // Capture races a cancel: the cancel commits first.
        Stored(authorized, authorized.Cancel().Value!);
        UpdatesConflict(times: 1);

        var result = await Transitions.CaptureAsync(Shop, authorized.Id, null, null, CancellationToken.None);

        Assert.Equal((409, "state_invalid"), (result.Error?.Status, result.Error?.Code));
        Assert.Single(updates);
    }

    [Fact]
    public async Task A_conflict_short_of_the_bound_is_retried_until_it_commits()
    {
        Stored(authorized, authorized, authorized, authorized, authorized);
        UpdatesConflict(times: 4);

        var result = await Transitions.CancelAsync(Shop, authorized.Id, null, CancellationToken.None);

        Assert.Equal(200, result.Value?.Status);
        Assert.Equal(5, updates.Count);
    }

    [Fact]
    public async Task After_five_conflicts_it_gives_up_and_the_conflict_escapes()
    {
        Stored(Enumerable.Repeat(authorized, 10).ToArray());
        UpdatesConflict(times: int.MaxValue);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Transitions.CancelAsync(Shop, authorized.Id, null, CancellationToken.None));

        Assert.Equal(5, updates.Count);
    }

    [Fact]
    public async Task A_lease_is_completed_with_the_response_in_the_same_change()
    {
        var lease = new IdempotencyLease(Shop.Scope, "k", "fp", "etag", clock.GetUtcNow());

        var result = await Transitions.CaptureAsync(Shop, authorized.Id, null, lease, CancellationToken.None);

        var completion = Assert.Single(updates).Completion;
        Assert.Same(lease, completion?.Lease);
        Assert.Equal(result.Value, completion?.Response);
    }
}
