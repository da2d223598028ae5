namespace EmbeddedFinance.Core.Payments;

public enum PaymentStatus
{
    RequiresCapture,
    Succeeded,
    Failed,
    Canceled,
}
