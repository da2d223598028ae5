using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Portal;

public sealed class PortalOptions : ISelfValidatingOptions
{
    public const string Section = "Portal";

    /// <summary>How long a person stays signed in after opening a portal session's URL (the cookie's lifetime); at most 12 hours.</summary>
    public TimeSpan SignedInFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The public base of the function app's routes (e.g. <c>https://pay.example.com/api</c>), from which session URLs are
    /// made. Empty: the origin of the request that created the session, under <c>/api</c>.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    public string? Problem()
    {
        if (SignedInFor < TimeSpan.FromMinutes(1) || SignedInFor > TimeSpan.FromHours(12)) return $"{Section}:{nameof(SignedInFor)} must be between one minute and 12 hours.";
        if (PublicUrl.Length > 0 && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0))
        {
            return $"{Section}:{nameof(PublicUrl)} must be an absolute http(s) URL without a query.";
        }
        return null;
    }
}
