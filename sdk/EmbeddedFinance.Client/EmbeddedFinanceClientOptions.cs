namespace EmbeddedFinance.Client;

/// <summary>How an <see cref="EmbeddedFinanceClient"/> reaches the API.</summary>
public sealed class EmbeddedFinanceClientOptions
{
    /// <summary>The local development host's API base.</summary>
    public static readonly Uri LocalApiBase = new("http://localhost:7071/api/");

    /// <summary>The key every request sends unless a call overrides it (<see cref="RequestOptions.ApiKey"/>): <c>sk_test_…</c>, <c>sk_live_…</c>, <c>rk_…</c>, or an OAuth access token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's base URL, up to and including <c>/api</c>; default <see cref="LocalApiBase"/>.</summary>
    public Uri ApiBase { get; set; } = LocalApiBase;

    /// <summary>How many times a request is retried after a connection failure, a 429 or a 503 (0 turns retries off); default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay when the server sends no <c>Retry-After</c>, doubled per retry with jitter; default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the client waits before one retry, <c>Retry-After</c> included; default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one logical call may take, retries included; default 100 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    internal Uri NormalizedApiBase => ApiBase.AbsoluteUri.EndsWith('/') ? ApiBase : new Uri(ApiBase.AbsoluteUri + "/");
}
