namespace EmbeddedFinance.Core.Api;

/// <summary>An HTTP response as the API sends it and as an idempotency record replays it.</summary>
public sealed record StoredResponse(int Status, string ContentType, string Body)
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";

    /// <summary>
    /// The Retry-After of a passing refusal. Never stored: only transient answers carry one, and an idempotency
    /// record never seals those.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The challenge of a 401 that names an authentication scheme (the token endpoint's Basic). Never stored, like <see cref="RetryAfter"/>.</summary>
    public string? WwwAuthenticate { get; init; }

    /// <summary>The stable error code of a problem response (the audit trail records it); null for any other.</summary>
    public string? ErrorCode { get; init; }

    public static StoredResponse Of<T>(int status, T body) => new(status, Json, ApiJson.Serialize(body));

    // A body can hold keys shown once; a record would print it.
    public override string ToString() => $"{nameof(StoredResponse)} {{ {Status} {ContentType} }}";
}
