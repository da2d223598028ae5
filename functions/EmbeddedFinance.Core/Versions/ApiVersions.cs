using System.Globalization;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Versions;

/// <summary>
/// The API's dated versions, oldest first. The code speaks only the newest; each later version names the change
/// that turns its predecessor's JSON into its own and back (<see cref="VersionChange"/>).
/// </summary>
public static class ApiVersions
{
    public const string Header = "EF-Version";

    /// <summary>The API as it was before versions were dates; events rendered in it keep saying <c>api_version: "v1"</c>.</summary>
    public const string First = "2026-01-01";

    /// <summary>Payments say how they capture with <c>capture_method</c> instead of the boolean <c>capture</c>.</summary>
    public const string CaptureMethod = "2026-12-01";

    /// <summary>Refunds keep the application fee unless they say <c>refund_application_fee: true</c>.</summary>
    public const string RefundApplicationFee = "2026-12-02";

    /// <summary>What an event rendered in <see cref="First"/> says it is in: its name before versions were dates.</summary>
    public const string FirstEventLabel = "v1";

    public static IReadOnlyList<VersionChange> Changes { get; } =
    [
        new(First, "The API as it was before versions were dates: payments carry the boolean `capture`; events say `api_version: \"v1\"`.", null),
        new(CaptureMethod, "Payments carry `capture_method` (`automatic` or `manual`) instead of the boolean `capture`, in responses, in webhook payloads and in the body of `POST /v1/payments`; events name their version (`api_version: \"2026-12-01\"`).", new CaptureMethodChange()),
        new(RefundApplicationFee, "Refunds take `refund_application_fee` (default `false`): the platform's application fee gives back its share of a refund only when it is `true`; the split accounts (or the merchant) bear the rest. Before, the fee always gave back its share, and integrations pinned to an earlier version keep that rule (and may not send the member). Refunds show `refund_application_fee`, `application_fee_refunded` and what each split gave back.", new RefundApplicationFeeChange()),
    ];

    public static IReadOnlyList<string> All { get; } = Changes.Select(change => change.Version).ToList();

    public static string Newest => All[^1];

    public static bool IsKnown(string version) => All.Contains(version, StringComparer.Ordinal);

    /// <summary>A version named by a client: a date of the form YYYY-MM-DD that is one of <see cref="All"/>.</summary>
    public static Result<string> Parse(string? value, string param)
    {
        var text = value?.Trim() ?? "";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Invalid(param, $"'{param}' must be an API version, a date of the form YYYY-MM-DD: one of {string.Join(", ", All)}.");
        }
        return IsKnown(text) ? text : Invalid(param, $"'{text}' is not an API version. Versions: {string.Join(", ", All)}.");
    }

    /// <summary>An optional version member of a body: null when absent.</summary>
    public static Result<string?> ParseOptional(string? value, string param)
    {
        if (value is null) return Result<string?>.Success(null);
        var parsed = Parse(value, param);
        return parsed.IsSuccess ? parsed.Value : parsed.Error!;
    }

    /// <summary>The label an event rendered in <paramref name="version"/> carries in its <c>api_version</c>.</summary>
    public static string EventLabel(string version) => version == First ? FirstEventLabel : version;

    private static ApiError Invalid(string param, string detail) => new(400, "api_version_invalid", detail, param);
}
