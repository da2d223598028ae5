using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

public sealed record CreateWebhookEndpointRequest(string? Url, string?[]? EnabledEvents, string? Description)
{
    public Result<CreateWebhookEndpointCommand> Validate()
    {
        var url = WebhookEndpointInput.Url(Url);
        if (!url.IsSuccess) return url.Error!;
        var events = WebhookEndpointInput.EnabledEvents(EnabledEvents);
        if (!events.IsSuccess) return events.Error!;
        var description = WebhookEndpointInput.Description(Description);
        if (!description.IsSuccess) return description.Error!;
        return new CreateWebhookEndpointCommand(url.Value!, events.Value!, description.Value);
    }
}

public sealed record CreateWebhookEndpointCommand(Uri Url, IReadOnlyList<string> EnabledEvents, string? Description);
