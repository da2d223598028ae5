using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Tests.Risk;

public sealed class PaymentReviewTests
{
    private static readonly Currency Usd = Currency.TryParse("usd", out var usd) ? usd : throw new InvalidOperationException();

    private static Payment Held(bool capture) => new("pay_1", "mer_1:test", Mode.Test, 1000, Usd, PaymentStatus.RequiresReview, capture, 0, 0, 0, [],
        new CardToken("tok_1", "mer_1:test", CardBrand.Visa, "4242", new CardExpiry(12, 2031), "fp", Mode.Test, DateTimeOffset.UnixEpoch),
        null, new Dictionary<string, string>(), null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Approving_a_payment_to_capture_at_once_captures_it_in_full()
    {
        var approved = Held(capture: true).Approve().Value!;

        Assert.Equal((PaymentStatus.Succeeded, 1000L), (approved.Status, approved.AmountCaptured));
    }

    [Fact]
    public void Approving_a_manual_capture_payment_leaves_it_to_capture()
    {
        var approved = Held(capture: false).Approve().Value!;

        Assert.Equal((PaymentStatus.RequiresCapture, 0L), (approved.Status, approved.AmountCaptured));
    }

    [Fact]
    public void Rejecting_releases_the_authorization_without_capturing()
    {
        var rejected = Held(capture: true).Reject().Value!;

        Assert.Equal((PaymentStatus.Canceled, 0L), (rejected.Status, rejected.AmountCaptured));
    }

    [Fact]
    public void Only_a_held_payment_can_be_approved_or_rejected_and_a_held_one_cannot_be_captured_or_canceled()
    {
        var succeeded = Held(capture: true) with { Status = PaymentStatus.Succeeded };

        Assert.Equal("state_invalid", succeeded.Approve().Error?.Code);
        Assert.Equal("state_invalid", succeeded.Reject().Error?.Code);
        Assert.Equal("state_invalid", Held(capture: false).Capture(null).Error?.Code);
        Assert.Equal("state_invalid", Held(capture: false).Cancel().Error?.Code);
    }
}
