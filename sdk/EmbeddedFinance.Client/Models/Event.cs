using System.Text.Json;
using EmbeddedFinance.Client.Http;

namespace EmbeddedFinance.Client;

/// <summary>
/// Something that happened in a merchant's account: what <c>GET /v1/events</c> lists and every webhook carries.
/// <see cref="DataObject"/> is the object it is about, typed by its <c>object</c> member.
/// </summary>
public sealed record Event : IHasId
{
    /// <summary><c>evt_…</c>: the same as the <c>webhook-id</c> of its deliveries.</summary>
    public string Id { get; init; } = "";
    /// <summary>e.g. <c>payment.succeeded</c> (see <see cref="EventTypes"/>).</summary>
    public string Type { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether it happened in live mode.</summary>
    public bool Livemode { get; init; }
    /// <summary>The API version its data is rendered in.</summary>
    public string ApiVersion { get; init; } = "";
    /// <summary><c>{object: {…}}</c>, as sent.</summary>
    public JsonElement Data { get; init; }

    /// <summary>The <c>object</c> member of the data's object (<c>payment</c>, <c>payout</c>, …), or null.</summary>
    public string? DataObjectKind =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;

    /// <summary>
    /// Whether the event came to a <c>thin</c> endpoint: its object is only <c>{id, object}</c>, so <see cref="DataObject"/>
    /// has its id and defaults elsewhere; read the whole event with <c>Events.GetAsync(Id)</c>.
    /// </summary>
    public bool IsThin =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object
        && o.EnumerateObject().All(member => member.NameEquals("id") || member.NameEquals("object"));

    /// <summary>The data's object as <typeparamref name="T"/> (e.g. <see cref="Payment"/> for <c>payment.*</c> and <c>review.*</c> events).</summary>
    public T DataObjectAs<T>() => Data.GetProperty("object").Deserialize<T>(ClientJson.Options)
        ?? throw new JsonException($"Event {Id} has no data object.");

    /// <summary>
    /// The data's object as its type: <see cref="Payment"/> (<c>payment.*</c>, <c>review.*</c>), <see cref="Payout"/>, <see cref="Account"/>,
    /// <see cref="Dispute"/>, <see cref="Refund"/>, <see cref="WebhookEndpoint"/>; a kind this SDK does not know (from a
    /// newer platform) stays a <see cref="JsonElement"/>.
    /// </summary>
    public object DataObject => DataObjectKind switch
    {
        "payment" => DataObjectAs<Payment>(),
        "payout" => DataObjectAs<Payout>(),
        "account" => DataObjectAs<Account>(),
        "dispute" => DataObjectAs<Dispute>(),
        "refund" => DataObjectAs<Refund>(),
        "webhook_endpoint" => DataObjectAs<WebhookEndpoint>(),
        _ => Data.TryGetProperty("object", out var raw) ? raw.Clone() : Data.Clone(),
    };

    /// <summary>The event as JSON, as a webhook body carries it.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { id = Id, @object = "event", type = Type, created = Created, livemode = Livemode, api_version = ApiVersion, data = Data });

    /// <summary>Parses an event from its JSON (a webhook body, or one item of <c>GET /v1/events</c>).</summary>
    public static Event Parse(string json) => JsonSerializer.Deserialize<Event>(json, ClientJson.Options)
        ?? throw new JsonException("The body is not an event.");
}

/// <summary>The event types of the API.</summary>
public static class EventTypes
{
    /// <summary>A payment was captured in full at once.</summary>
    public const string PaymentSucceeded = "payment.succeeded";
    /// <summary>A payment was declined.</summary>
    public const string PaymentFailed = "payment.failed";
    /// <summary>A manual-capture payment was authorized.</summary>
    public const string PaymentRequiresCapture = "payment.requires_capture";
    /// <summary>An authorized payment was captured.</summary>
    public const string PaymentCaptured = "payment.captured";
    /// <summary>An authorized payment was canceled.</summary>
    public const string PaymentCanceled = "payment.canceled";
    /// <summary>A payment was refunded, in part or in full.</summary>
    public const string PaymentRefunded = "payment.refunded";
    /// <summary>A payment's funds were settled.</summary>
    public const string PaymentSettled = "payment.settled";
    /// <summary>A payout was created.</summary>
    public const string PayoutCreated = "payout.created";
    /// <summary>A payout arrived.</summary>
    public const string PayoutPaid = "payout.paid";
    /// <summary>A payout failed; its funds returned.</summary>
    public const string PayoutFailed = "payout.failed";
    /// <summary>A connected account was created.</summary>
    public const string AccountCreated = "account.created";
    /// <summary>A connected account changed.</summary>
    public const string AccountUpdated = "account.updated";
    /// <summary>An account's available balance went below zero.</summary>
    public const string AccountBalanceNegative = "account.balance_negative";
    /// <summary>A webhook endpoint was disabled.</summary>
    public const string WebhookEndpointDisabled = "webhook_endpoint.disabled";
    /// <summary>A payment was disputed.</summary>
    public const string DisputeCreated = "dispute.created";
    /// <summary>A dispute's evidence changed.</summary>
    public const string DisputeUpdated = "dispute.updated";
    /// <summary>A dispute was decided.</summary>
    public const string DisputeClosed = "dispute.closed";
    /// <summary>A risk rule held an authorized payment for review (<c>requires_review</c>); the object is the payment.</summary>
    public const string ReviewOpened = "review.opened";
    /// <summary>A held payment was approved or rejected; the object is the payment as it is now.</summary>
    public const string ReviewClosed = "review.closed";
    /// <summary>The operator approved the merchant's live access request; the object is the <c>live_access_request</c>.</summary>
    public const string MerchantLiveEnabled = "merchant.live_enabled";
    /// <summary>A connected account's identity was verified: payouts are enabled; the object is the account.</summary>
    public const string AccountVerified = "account.verified";
}

/// <summary>One entry of <c>GET /v1/event_types</c>: an event type, what it means, and the JSON Schema of its object.</summary>
public sealed record EventTypeDescription
{
    /// <summary>e.g. <c>payment.succeeded</c>.</summary>
    public string Name { get; init; } = "";
    /// <summary>What happened, in words.</summary>
    public string Description { get; init; } = "";
    /// <summary>The JSON Schema (draft 2020-12) of its <c>data.object</c> in the newest API version, standing alone.</summary>
    public JsonElement Schema { get; init; }
}
