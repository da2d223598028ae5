using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Webhooks;

[Description("The body of `POST /v1/webhook_endpoints`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateWebhookEndpointRequest(
    [Description("Where events are POSTed: an absolute `http` or `https` URL of at most 2048 characters, without a user name or password and without a fragment (`#…`). In live mode it must be `https` and its host must resolve only to public addresses: a loopback, private, link-local (cloud metadata) or otherwise internal address, or a host that does not resolve, is `400 parameter_invalid` (the addresses are checked again on every connection). In test mode any such URL is accepted, `localhost` included. Otherwise `400 parameter_invalid`, param `url`."), Url, StringLength(2048, MinimumLength = 1), Example("https://example.com/webhooks/embeddedfinance"), Required]
    string? Url,
    [Description("The event types to receive: one or more of the API's event types (duplicates are dropped), or `[\"*\"]` alone for all of them, including types added later. An empty list, an unknown type, or `*` together with other types is `400 parameter_invalid`."), EnabledEvents, MinLength(1), Example(new[] { "payment.succeeded", "payout.paid" }), Example(new[] { "*" }), Required]
    string?[]? EnabledEvents,
    [Description("A note for yourself: trimmed, at most 500 characters, no control characters (otherwise `400 parameter_invalid`). Blank is the same as absent."), StringLength(500)]
    string? Description,
    [Description("The API version the endpoint's events are rendered in (one of `GET /v1/api_versions`; otherwise `400 api_version_invalid`, param `api_version`). Default: the merchant's pinned version."), RegularExpression("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), Example("2026-12-01")]
    string? ApiVersion = null,
    [Description(WebhookEndpointInput.ThrottleRateDescription), Range(WebhookEndpointInput.MinThrottleRate, WebhookEndpointInput.MaxThrottleRate), Example(10)]
    double? ThrottleRate = null,
    [Description("How deliveries are signed (Standard Webhooks): `hmac-sha256` (default) with a shared `whsec_` secret, signatures `v1,<base64>`; or `ed25519` with a key pair whose public key (`whpk_…`) is returned and whose private key never leaves the platform, signatures `v1a,<base64>`. Anything else is `400 parameter_invalid`. It cannot be changed later."), AllowedValues("hmac-sha256", "ed25519"), DefaultValue("hmac-sha256")]
    string? Signing = null,
    [Description(WebhookEndpointInput.PayloadDescription), AllowedValues("full", "thin"), DefaultValue("full")]
    string? Payload = null)
{
    public Result<CreateWebhookEndpointCommand> Validate()
    {
        var url = WebhookEndpointInput.Url(Url);
        if (!url.IsSuccess) return url.Error!;
        var events = WebhookEndpointInput.EnabledEvents(EnabledEvents);
        if (!events.IsSuccess) return events.Error!;
        var description = WebhookEndpointInput.Description(Description);
        if (!description.IsSuccess) return description.Error!;
        var version = ApiVersions.ParseOptional(ApiVersion, "api_version");
        if (!version.IsSuccess) return version.Error!;
        var throttle = WebhookEndpointInput.ThrottleRate(ThrottleRate, allowZero: false);
        if (!throttle.IsSuccess) return throttle.Error!;
        var signing = WebhookEndpointInput.Signing(Signing);
        if (!signing.IsSuccess) return signing.Error!;
        var payload = WebhookEndpointInput.Payload(Payload);
        if (!payload.IsSuccess) return payload.Error!;
        return new CreateWebhookEndpointCommand(url.Value!, events.Value!, description.Value, version.Value)
        {
            ThrottleRate = throttle.Value,
            Signing = signing.Value ?? SigningScheme.HmacSha256,
            Payload = payload.Value ?? PayloadStyle.Full,
        };
    }
}

/// <param name="ApiVersion">Null: the merchant's pinned version, which the function fills in.</param>
public sealed record CreateWebhookEndpointCommand(Uri Url, IReadOnlyList<string> EnabledEvents, string? Description, string? ApiVersion = null)
{
    public double? ThrottleRate { get; init; }

    public SigningScheme Signing { get; init; } = SigningScheme.HmacSha256;

    public PayloadStyle Payload { get; init; } = PayloadStyle.Full;
}
