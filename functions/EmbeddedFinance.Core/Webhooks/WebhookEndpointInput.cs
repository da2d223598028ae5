using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>The checks that need no network: a URL's shape, the event list, the description. Shared by create and update.</summary>
public static class WebhookEndpointInput
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public const double MinThrottleRate = 0.1;
    public const double MaxThrottleRate = 1000;

    public const string ThrottleRateDescription = "At most this many deliveries per second to the endpoint, from 0.1 (one every 10 seconds) to 1000; absent: no limit. Honoured across every worker, approximately (a shared next-slot per endpoint): deliveries beyond it wait their turn, not counted as attempts. Otherwise `400 parameter_invalid`.";

    public const string PayloadDescription = "`full` (default): an event's `data.object` is the object as the API renders it. `thin`: `data.object` is only `{id, object}`; fetch the rest with `GET /v1/events/{id}` or the object's own route. Anything else is `400 parameter_invalid`.";

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

    /// <summary>Null when absent; on an update, zero (removing the limit) comes back as zero.</summary>
    public static Result<double?> ThrottleRate(double? value, bool allowZero)
    {
        if (value is not { } rate) return Result<double?>.Success(null);
        if (allowZero && rate == 0) return rate;
        return double.IsFinite(rate) && rate >= MinThrottleRate && rate <= MaxThrottleRate
            ? rate
            : Errors.ParameterInvalid("throttle_rate", $"The throttle_rate must be a number of deliveries per second from {MinThrottleRate} to {MaxThrottleRate}{(allowZero ? ", or 0 to remove the limit" : "")}.");
    }

    public static Result<SigningScheme?> Signing(string? value) => value switch
    {
        null => Result<SigningScheme?>.Success(null),
        "hmac-sha256" => SigningScheme.HmacSha256,
        "ed25519" => SigningScheme.Ed25519,
        _ => Errors.ParameterInvalid("signing", "The signing must be 'hmac-sha256' or 'ed25519'."),
    };

    public static Result<PayloadStyle?> Payload(string? value) => value switch
    {
        null => Result<PayloadStyle?>.Success(null),
        "full" => PayloadStyle.Full,
        "thin" => PayloadStyle.Thin,
        _ => Errors.ParameterInvalid("payload", "The payload must be 'full' or 'thin'."),
    };

    public static string NameOf(SigningScheme scheme) => scheme == SigningScheme.Ed25519 ? "ed25519" : "hmac-sha256";

    public static string NameOf(PayloadStyle style) => style == PayloadStyle.Thin ? "thin" : "full";

    public static Result<string?> Description(string? value)
    {
        var description = value?.Trim();
        if (string.IsNullOrEmpty(description)) return Result<string?>.Success(null);
        return description.Length > MaxDescriptionLength || description.Any(char.IsControl)
            ? Errors.ParameterInvalid("description", $"The description must be at most {MaxDescriptionLength} characters, without control characters.")
            : description;
    }
}
