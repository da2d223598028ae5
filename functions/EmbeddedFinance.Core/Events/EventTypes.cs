namespace EmbeddedFinance.Core.Events;

/// <summary>The event types of API.md.</summary>
public static class EventTypes
{
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentFailed = "payment.failed";
    public const string PaymentRequiresCapture = "payment.requires_capture";
    public const string PaymentCaptured = "payment.captured";
    public const string PaymentCanceled = "payment.canceled";
    public const string PaymentRefunded = "payment.refunded";
    public const string PaymentSettled = "payment.settled";
    public const string PayoutCreated = "payout.created";
    public const string PayoutPaid = "payout.paid";
    public const string PayoutFailed = "payout.failed";
    public const string AccountCreated = "account.created";

    /// <summary>An account's settings changed (<c>PATCH /v1/accounts/{id}</c>); the payload is the account as it is now.</summary>
    public const string AccountUpdated = "account.updated";

    /// <summary>An account's identity was verified (by the verifier, or by the operator after review): payouts are enabled.</summary>
    public const string AccountVerified = "account.verified";

    /// <summary>An account's available balance went from zero or more to below zero (once per crossing).</summary>
    public const string AccountBalanceNegative = "account.balance_negative";
    public const string WebhookEndpointDisabled = "webhook_endpoint.disabled";

    /// <summary>A card holder disputed a payment: the dispute opened and its amount and fee were withdrawn.</summary>
    public const string DisputeCreated = "dispute.created";

    /// <summary>A dispute's evidence changed or was submitted (<c>under_review</c>).</summary>
    public const string DisputeUpdated = "dispute.updated";

    /// <summary>A dispute was decided: <c>won</c> (its withdrawal returned) or <c>lost</c>.</summary>
    public const string DisputeClosed = "dispute.closed";

    /// <summary>A risk rule held an authorized payment for review (<c>requires_review</c>); the payload is the payment.</summary>
    public const string ReviewOpened = "review.opened";

    /// <summary>A held payment was approved (captured, or left to capture) or rejected (its authorization released); the payload is the payment as it is now.</summary>
    public const string ReviewClosed = "review.closed";

    /// <summary>The operator approved the merchant's live access request: live mode is enabled; the payload is the request.</summary>
    public const string MerchantLiveEnabled = "merchant.live_enabled";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        PaymentSucceeded, PaymentFailed, PaymentRequiresCapture, PaymentCaptured, PaymentCanceled, PaymentRefunded, PaymentSettled,
        PayoutCreated, PayoutPaid, PayoutFailed, AccountCreated, AccountUpdated, AccountVerified, AccountBalanceNegative, WebhookEndpointDisabled,
        DisputeCreated, DisputeUpdated, DisputeClosed, ReviewOpened, ReviewClosed,
        MerchantLiveEnabled,
    };
}
