namespace EmbeddedFinance.Core.Payments;

public static class PaymentStatusNames
{
    public static string ApiName(this PaymentStatus status) => status switch
    {
        PaymentStatus.RequiresCapture => "requires_capture",
        PaymentStatus.Succeeded => "succeeded",
        PaymentStatus.Failed => "failed",
        PaymentStatus.Canceled => "canceled",
        PaymentStatus.RequiresReview => "requires_review",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
