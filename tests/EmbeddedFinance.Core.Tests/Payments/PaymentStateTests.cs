using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Tests.Payments;

public sealed class PaymentStateTests
{
    private static readonly Payment Authorized = AllocationTests.NewPayment(1_000);

    [Fact]
    public void Capture_after_cancel_is_rejected_with_state_invalid() =>
        Assert.Equal("state_invalid", Authorized.Cancel().Value!.Capture(null).Error!.Code);

    [Fact]
    public void Cancel_after_capture_is_rejected_with_state_invalid() =>
        Assert.Equal("state_invalid", Authorized.Capture(null).Value!.Cancel().Error!.Code);

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public void A_capture_outside_one_to_the_authorized_amount_is_amount_invalid(long amount) =>
        Assert.Equal("amount_invalid", Authorized.Capture(amount).Error!.Code);

    [Fact]
    public void An_uncaptured_payment_cannot_be_refunded() =>
        Assert.Equal("state_invalid", Authorized.Refund(null).Error!.Code);

    [Fact]
    public void A_disputed_payment_cannot_be_refunded()
    {
        var disputed = Authorized.Capture(null).Value! with { DisputeId = "dp_1" };

        Assert.Equal(("state_invalid", 409), (disputed.Refund(1).Error!.Code, disputed.Refund(1).Error!.Status));
    }

    [Fact]
    public void Refunds_are_bounded_by_what_was_captured_not_what_was_authorized()
    {
        var captured = Authorized.Capture(600).Value!;

        Assert.Equal("amount_invalid", captured.Refund(601).Error!.Code);
        var (refunded, amount) = captured.Refund(null).Value;
        Assert.Equal(600, amount);
        Assert.Equal("state_invalid", refunded.Refund(1).Error!.Code);
    }
}
