using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace EmbeddedFinance.Client.Http;

/// <summary>
/// When the SDK repeats a request by itself: after a connection failure, a 429 or a 503 (honouring <c>Retry-After</c>),
/// never after any other answer. A 4xx is the caller's to fix, and a 500 may have changed state in ways a blind retry
/// would not see. Every retried request carries the same Idempotency-Key, so a write happens once however often it is sent.
/// </summary>
internal static class RetryPolicy
{
    public static HttpRetryStrategyOptions Options(EmbeddedFinanceClientOptions client) => new()
    {
        MaxRetryAttempts = Math.Max(client.MaxRetries, 1),
        Delay = client.RetryBaseDelay,
        MaxDelay = client.MaxRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = arguments => ValueTask.FromResult(client.MaxRetries > 0 && IsTransient(arguments.Outcome)),
    };

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => true,
        _ => false,
    };

    public static ResilienceHandler Handler(EmbeddedFinanceClientOptions client, HttpMessageHandler inner) =>
        new(new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(Options(client)).Build()) { InnerHandler = inner };
}
