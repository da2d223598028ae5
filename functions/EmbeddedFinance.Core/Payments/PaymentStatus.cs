namespace EmbeddedFinance.Core.Payments;

public enum PaymentStatus
{
    RequiresCapture,
    Succeeded,
    Failed,
    Canceled,

    /// <summary>Authorized, held by a risk rule: approve captures (or leaves it to capture), reject releases the authorization.</summary>
    RequiresReview,
}
