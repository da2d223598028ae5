using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>The API representation of an endpoint. <see cref="Secret"/> appears only when it is created or rotated.</summary>
[Description("A URL that receives the merchant's events of the listed types in one mode. Members that are null are omitted.")]
[Example("""
{
  "id": "we_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "object": "webhook_endpoint",
  "url": "https://example.com/webhooks/embeddedfinance",
  "enabled_events": [
    "payment.succeeded",
    "payment.refunded",
    "payout.paid",
    "payout.failed"
  ],
  "description": "Order fulfilment",
  "status": "enabled",
  "created": 1717171717,
  "livemode": false,
  "api_version": "2026-12-01",
  "signing": "hmac-sha256",
  "payload": "full"
}
""")]
public sealed record WebhookEndpointView(
    [Description("Unique identifier, prefixed `we_`."), RegularExpression("^we_"), Example("we_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `webhook_endpoint`."), AllowedValues("webhook_endpoint")]
    string Object,
    [Description("Where events are POSTed."), Url, StringLength(2048), Example("https://example.com/webhooks/embeddedfinance")]
    string Url,
    [Description("The event types the endpoint receives, or `[\"*\"]` for all of them."), EnabledEvents]
    IReadOnlyList<string> EnabledEvents,
    [Description("The merchant's note; absent when there is none."), StringLength(500)]
    string? Description,
    [Description("`enabled` endpoints receive events; `disabled` ones do not — disabled by the merchant, or automatically after 5 days of failed attempts (with a `webhook_endpoint.disabled` event)."), AllowedValues("enabled", "disabled")]
    string Status,
    [Description("When the endpoint was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode (`sk_live_…`), `false` for sandbox (`sk_test_…`).")]
    bool Livemode,
    [Description("The API version every event sent to this endpoint is rendered in (its `api_version` and `data.object`)."), RegularExpression("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), Example("2026-12-01")]
    string ApiVersion,
    [Description("The signing secret (`whsec_` and the base64 of 32 random bytes) of an `hmac-sha256` endpoint. Present only in the response that creates the endpoint; absent everywhere else. Store it: it cannot be read again, only rotated."), RegularExpression("^whsec_"), Example("whsec_Xhf5lBVok45gFInKbdaozrrx8OZTU6Qx8qsoDr4HDEI=")]
    string? Secret = null,
    [Description("How deliveries are signed: `hmac-sha256` (`v1,` signatures with the `whsec_` secret) or `ed25519` (`v1a,` signatures, verified with `public_key`)."), AllowedValues("hmac-sha256", "ed25519")]
    string Signing = "hmac-sha256",
    [Description("The ed25519 public key that verifies this endpoint's `v1a,` signatures: `whpk_` and the base64 of the raw 32-byte key (Standard Webhooks). Present only in the response that creates an `ed25519` endpoint; `rotate_secret` returns the next one."), RegularExpression("^whpk_"), Example("whpk_JKE2b9NUOChlVy/fbTDteIvuDBXC+hYbvdoEDUpOzPk=")]
    string? PublicKey = null,
    [Description("`full`: events carry the whole object. `thin`: `data.object` is only `{id, object}`."), AllowedValues("full", "thin")]
    string Payload = "full",
    [Description("At most this many deliveries per second; absent: no limit.")]
    double? ThrottleRate = null,
    [Description("Why the platform disabled the endpoint: `gone` (it answered `410 Gone`) or `failing` (every attempt failed for 5 days). Absent while enabled or when disabled with `PATCH`."), AllowedValues("gone", "failing")]
    string? DisabledReason = null)
{
    public static WebhookEndpointView From(WebhookEndpoint endpoint, string? secret = null, string? publicKey = null) => new(
        endpoint.Id, "webhook_endpoint", endpoint.Url.OriginalString, endpoint.EnabledEvents, endpoint.Description,
        StatusName(endpoint.Status), endpoint.Created.ToUnixTimeSeconds(), endpoint.Mode == Common.Mode.Live, endpoint.ApiVersion, secret,
        WebhookEndpointInput.NameOf(endpoint.Signing), publicKey, WebhookEndpointInput.NameOf(endpoint.Payload), endpoint.ThrottleRate,
        endpoint.IsEnabled ? null : endpoint.DisabledReason);

    public static string StatusName(WebhookEndpointStatus status) => status == WebhookEndpointStatus.Enabled ? "enabled" : "disabled";

    // The creation response carries the signing secret.
    public override string ToString() => $"{nameof(WebhookEndpointView)} {{ {Id} }}";
}

/// <summary>The answer to <c>rotate_secret</c>: the new secret, shown once, and when the previous one stops signing.</summary>
[Description("The answer to rotating an endpoint's signing secret: the new secret, shown only here, and when the previous one stops signing.")]
[Example("""
{
  "object": "webhook_endpoint_secret",
  "endpoint": "we_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "secret": "whsec_zIehrqvT0pTvFAZQ1Knlu0yBHI1j9/OFMy2X+bUpatY=",
  "previous_secret_expires_at": 1717258117
}
""")]
public sealed record WebhookSecretView(
    [Description("The object's type: always `webhook_endpoint_secret`."), AllowedValues("webhook_endpoint_secret")]
    string Object,
    [Description("The endpoint's id."), RegularExpression("^we_")]
    string Endpoint,
    [Description("The new signing secret of an `hmac-sha256` endpoint; it signs every delivery from now on. Absent for an `ed25519` endpoint."), RegularExpression("^whsec_")]
    string? Secret,
    [Description("Until when (Unix seconds) the previous secret also signs: until then `webhook-signature` holds two space-separated `v1,<base64>` signatures, one per secret. Absent (null) when `expire_previous_in_seconds` was 0 and the previous secret was dropped at once.")]
    long? PreviousSecretExpiresAt,
    [Description("The new public key of an `ed25519` endpoint (`whpk_` and the base64 of the raw 32-byte key); its private key signs every delivery from now on, beside the previous one until `previous_secret_expires_at`. Absent for an `hmac-sha256` endpoint."), RegularExpression("^whpk_")]
    string? PublicKey = null)
{
    public override string ToString() => $"{nameof(WebhookSecretView)} {{ {Endpoint} }}";
}
