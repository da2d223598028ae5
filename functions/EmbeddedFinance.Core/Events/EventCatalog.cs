using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Core.Events;

/// <summary>
/// Every event type with what it means and the C# type its <c>data.object</c> is serialized from: the one place
/// <c>GET /v1/event_types</c> generates its schemas from, so a schema cannot drift from what is sent.
/// </summary>
public static class EventCatalog
{
    public sealed record Entry(string Name, string Description, Type ObjectType);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(EventTypes.PaymentSucceeded, "A payment was authorized and captured at once (`capture_method: automatic`).", typeof(PaymentView)),
        new(EventTypes.PaymentFailed, "A payment was declined; the payment carries `failure_code` and `failure_message`.", typeof(PaymentView)),
        new(EventTypes.PaymentRequiresCapture, "A payment was authorized and waits for `POST /v1/payments/{id}/capture` or `/cancel`.", typeof(PaymentView)),
        new(EventTypes.PaymentCaptured, "An authorized payment was captured, in full or in part.", typeof(PaymentView)),
        new(EventTypes.PaymentCanceled, "An authorized payment was canceled and its authorization released.", typeof(PaymentView)),
        new(EventTypes.PaymentRefunded, "A payment was refunded, in full or in part; the payment shows `amount_refunded`.", typeof(PaymentView)),
        new(EventTypes.PaymentSettled, "A captured payment's funds became available to the parties it was split between.", typeof(Settled)),
        new(EventTypes.PayoutCreated, "A payout was created and its amount reserved from the account's available balance.", typeof(PayoutView)),
        new(EventTypes.PayoutPaid, "A payout reached its destination.", typeof(PayoutView)),
        new(EventTypes.PayoutFailed, "A payout failed (see `failure_code`); its amount returned to the available balance.", typeof(PayoutView)),
        new(EventTypes.AccountCreated, "A connected account was created.", typeof(AccountView)),
        new(EventTypes.AccountUpdated, "A connected account's settings or requirements changed (identity supplied, verified, refused or held for review); the account as it is now.", typeof(AccountView)),
        new(EventTypes.AccountVerified, "A connected account's identity was verified and its payouts enabled; the account as it is now.", typeof(AccountView)),
        new(EventTypes.AccountBalanceNegative, "An account's available balance went from zero or more to below zero (once per crossing).", typeof(NegativeBalanceView)),
        new(EventTypes.WebhookEndpointDisabled, "A webhook endpoint was disabled by the platform: it answered `410 Gone` (`disabled_reason: gone`) or failed every attempt for 5 days (`failing`).", typeof(WebhookEndpointView)),
        new(EventTypes.DisputeCreated, "A card holder disputed a payment: the dispute opened and its amount and fee were withdrawn.", typeof(DisputeView)),
        new(EventTypes.DisputeUpdated, "A dispute's evidence changed or was submitted.", typeof(DisputeView)),
        new(EventTypes.DisputeClosed, "A dispute was decided: `won` (its withdrawal returned) or `lost`.", typeof(DisputeView)),
        new(EventTypes.ReviewOpened, "A risk rule held an authorized payment for review (`requires_review`): nothing is captured until `POST /v1/payments/{id}/approve` or `/reject`.", typeof(PaymentView)),
        new(EventTypes.ReviewClosed, "A held payment was approved (captured, or left to capture) or rejected (its authorization released); the payment as it is now.", typeof(PaymentView)),
        new(EventTypes.MerchantLiveEnabled, "The operator approved the merchant's live access request: live mode is enabled, and the merchant's next `GET /v1/live_access_requests/{id}` shows its live keys once.", typeof(LiveAccessRequestView)),
    ];
}
