using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>The checks that need no network: a URL's shape, the event list, the description. Shared by create and update.</summary>
public static class WebhookEndpointInput
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;

    public static Result<Uri> Url(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Errors.ParameterMissing("url");
        if (value.Length > MaxUrlLength || value.Any(char.IsControl) || !Uri.TryCreate(value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Host.Length == 0)
        {
            return Errors.ParameterInvalid("url", $"The url must be an absolute http or https URL of at most {MaxUrlLength} characters.");
        }
        // Credentials in a URL would be shown back on every read and sent in every request line's log.
        if (url.UserInfo.Length > 0) return Errors.ParameterInvalid("url", "The url must not contain a user name or password.");
        if (url.Fragment.Length > 0) return Errors.ParameterInvalid("url", "The url must not contain a fragment (#…).");
        return url;
    }

    public static Result<IReadOnlyList<string>> EnabledEvents(string?[]? value)
    {
        if (value is null) return Errors.ParameterMissing("enabled_events");
        if (value.Length == 0 || value.Length > EventTypes.All.Count + 1)
        {
            return Errors.ParameterInvalid("enabled_events", "List one or more event types, or [\"*\"] for all of them.");
        }
        var types = new List<string>();
        foreach (var type in value)
        {
            if (type is null || (type != WebhookEndpoint.AllEvents && !EventTypes.All.Contains(type)))
            {
                return Errors.ParameterInvalid("enabled_events", "Each entry must be an event type of the API (such as 'payment.succeeded') or '*'.");
            }
            if (!types.Contains(type)) types.Add(type);
        }
        if (types.Contains(WebhookEndpoint.AllEvents) && types.Count > 1)
        {
            return Errors.ParameterInvalid("enabled_events", "'*' already subscribes to every event type; list it alone.");
        }
        return types;
    }

    public static Result<string?> Description(string? value)
    {
        var description = value?.Trim();
        if (string.IsNullOrEmpty(description)) return Result<string?>.Success(null);
        return description.Length > MaxDescriptionLength || description.Any(char.IsControl)
            ? Errors.ParameterInvalid("description", $"The description must be at most {MaxDescriptionLength} characters, without control characters.")
            : description;
    }
}
