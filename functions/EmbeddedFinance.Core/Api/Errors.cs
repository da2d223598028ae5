namespace EmbeddedFinance.Core.Api;

/// <summary>The catalogue of stable error codes (API.md "Errors"); one place, so a code is spelled once.</summary>
public static class Errors
{
    public static ApiError InvalidRequest(string detail, string? param = null) => new(400, "invalid_request", detail, param);
    public static ApiError ParameterMissing(string param) => new(400, "parameter_missing", $"The parameter '{param}' is required.", param);
    public static ApiError ParameterInvalid(string param, string detail) => new(400, "parameter_invalid", detail, param);
    public static ApiError ParameterUnknown(string param) => new(400, "parameter_unknown", $"The parameter '{param}' is not recognised.", param);
    public static ApiError CurrencyUnsupported(string param) => new(400, "currency_unsupported", $"The currency in '{param}' is not supported.", param);
    public static ApiError BodyTooLarge(int limit) => new(413, "request_too_large", $"The request body is larger than {limit} bytes.");
    public static ApiError Unauthenticated(string detail) => new(401, "unauthenticated", detail);
    public static ApiError Forbidden(string detail) => new(403, "forbidden", detail);
    public static ApiError ResourceMissing(string kind, string param = "id") => new(404, "resource_missing", $"No such {kind}.", param);
    public static ApiError RouteMissing() => new(404, "resource_missing", "No such route.");
    public static ApiError IdempotencyKeyReused() => new(422, "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request. Use a new key for a new request.", "Idempotency-Key");
    public static ApiError IdempotencyInFlight() => new(409, "idempotency_request_in_flight",
        "A request with this Idempotency-Key is still being processed. Retry after it completes.", "Idempotency-Key");
    public static ApiError BalanceInsufficient(string detail) => new(402, "balance_insufficient", detail, "amount");
    /// <summary>A payout to an account whose identity is not verified (<c>payouts_enabled: false</c>).</summary>
    public static ApiError AccountNotVerified(string detail) => new(400, "account_not_verified", detail, "account");
    public static ApiError StateInvalid(string detail) => new(409, "state_invalid", detail);

    /// <summary>Racing writes kept changing what this one read; unlike <see cref="StateInvalid"/>, retrying the same request (same key) may succeed.</summary>
    public static ApiError ConflictRetry(string detail = "The object was changed by concurrent requests; retry this request (the same Idempotency-Key runs it again).") =>
        new(409, "conflict_retry", detail) { Transient = true };
    public static ApiError RateLimited(TimeSpan retryAfter) => new(429, "rate_limited",
        $"Too many requests with this API key. Retry after {RetryAfterSeconds(retryAfter)} s (the Retry-After header).") { RetryAfter = retryAfter, Transient = true };

    /// <summary>Too many requests without a valid key, or failed authentications, from one client address; it says nothing about whether a key was valid.</summary>
    public static ApiError ClientRateLimited(TimeSpan retryAfter) => new(429, "rate_limited",
        $"Too many requests without a valid API key, or failed authentications, from this address. Retry after {RetryAfterSeconds(retryAfter)} s (the Retry-After header).")
        { RetryAfter = retryAfter, Transient = true };

    public static ApiError RedeliveriesLimited(int perHour, TimeSpan retryAfter) => new(429, "rate_limited",
        $"This event was redelivered to this endpoint {perHour} times within the last hour. Retry after {RetryAfterSeconds(retryAfter)} s (the Retry-After header).")
        { RetryAfter = retryAfter, Transient = true };
    public static ApiError Internal() => new(500, "internal_error", "An unexpected error occurred. It has been logged with this request id.");
    public static ApiError Unavailable(string detail, TimeSpan? retryAfter = null) => new(503, "service_unavailable", detail) { RetryAfter = retryAfter, Transient = true };

    /// <summary>A wait as the Retry-After header says it: whole seconds, at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
