using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>A partial update: members left out keep their value.</summary>
[Description("The body of `PATCH /v1/webhook_endpoints/{id}`: a partial update, members left out keep their value. At least one member is required (otherwise `400 invalid_request`); members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record UpdateWebhookEndpointRequest(
    [Description("The new URL; the same rules as on creation."), Url, StringLength(2048, MinimumLength = 1)]
    string? Url,
    [Description("Replaces the list of event types. The event types to receive: one or more of the API's event types (duplicates are dropped), or `[\"*\"]` alone for all of them, including types added later. An empty list, an unknown type, or `*` together with other types is `400 parameter_invalid`."), EnabledEvents, MinLength(1)]
    string?[]? EnabledEvents,
    [Description("The new description; an empty (or blank) string removes it."), StringLength(500)]
    string? Description,
    [Description("`disabled` stops deliveries to the endpoint (pending ones are dropped when they come due); `enabled` resumes them and resets the count of failures towards automatic disabling."), AllowedValues("enabled", "disabled")]
    string? Status,
    [Description("The API version the endpoint's events are rendered in from now on (one of `GET /v1/api_versions`; otherwise `400 api_version_invalid`, param `api_version`)."), RegularExpression("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), Example("2026-12-01")]
    string? ApiVersion = null,
    [Description(WebhookEndpointInput.ThrottleRateDescription + " `0` removes the limit."), Range(0, WebhookEndpointInput.MaxThrottleRate), Example(10)]
    double? ThrottleRate = null,
    [Description(WebhookEndpointInput.PayloadDescription), AllowedValues("full", "thin")]
    string? Payload = null)
{
    public Result<UpdateWebhookEndpointCommand> Validate()
    {
        Uri? url = null;
        if (Url is not null)
        {
            var parsed = WebhookEndpointInput.Url(Url);
            if (!parsed.IsSuccess) return parsed.Error!;
            url = parsed.Value;
        }
        IReadOnlyList<string>? events = null;
        if (EnabledEvents is not null)
        {
            var parsed = WebhookEndpointInput.EnabledEvents(EnabledEvents);
            if (!parsed.IsSuccess) return parsed.Error!;
            events = parsed.Value;
        }
        var description = WebhookEndpointInput.Description(Description);
        if (!description.IsSuccess) return description.Error!;
        WebhookEndpointStatus? status = null;
        if (Status is not null)
        {
            if (Status is not ("enabled" or "disabled")) return Errors.ParameterInvalid("status", "The status must be 'enabled' or 'disabled'.");
            status = Status == "enabled" ? WebhookEndpointStatus.Enabled : WebhookEndpointStatus.Disabled;
        }
        var version = ApiVersions.ParseOptional(ApiVersion, "api_version");
        if (!version.IsSuccess) return version.Error!;
        var throttle = WebhookEndpointInput.ThrottleRate(ThrottleRate, allowZero: true);
        if (!throttle.IsSuccess) return throttle.Error!;
        var payload = WebhookEndpointInput.Payload(Payload);
        if (!payload.IsSuccess) return payload.Error!;
        if (url is null && events is null && Description is null && status is null && version.Value is null && ThrottleRate is null && payload.Value is null)
        {
            return Errors.InvalidRequest("Send at least one of url, enabled_events, description, status, api_version, throttle_rate or payload.");
        }
        return new UpdateWebhookEndpointCommand(url, events, Description is null ? null : description.Value ?? "", status, version.Value)
        {
            ThrottleRate = throttle.Value,
            Payload = payload.Value,
        };
    }
}

/// <param name="Description">Null keeps the description; an empty string removes it.</param>
public sealed record UpdateWebhookEndpointCommand(Uri? Url, IReadOnlyList<string>? EnabledEvents, string? Description, WebhookEndpointStatus? Status, string? ApiVersion = null)
{
    /// <summary>Null keeps the limit; zero removes it.</summary>
    public double? ThrottleRate { get; init; }

    /// <summary>Null keeps the payload style.</summary>
    public PayloadStyle? Payload { get; init; }
}
