using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>A partial update: members left out keep their value.</summary>
public sealed record UpdateWebhookEndpointRequest(string? Url, string?[]? EnabledEvents, string? Description, string? Status)
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
        if (url is null && events is null && Description is null && status is null)
        {
            return Errors.InvalidRequest("Send at least one of url, enabled_events, description or status.");
        }
        return new UpdateWebhookEndpointCommand(url, events, Description is null ? null : description.Value ?? "", status);
    }
}

/// <param name="Description">Null keeps the description; an empty string removes it.</param>
public sealed record UpdateWebhookEndpointCommand(Uri? Url, IReadOnlyList<string>? EnabledEvents, string? Description, WebhookEndpointStatus? Status);
