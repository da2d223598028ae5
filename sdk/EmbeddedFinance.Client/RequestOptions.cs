namespace EmbeddedFinance.Client;

/// <summary>Per-call settings.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> of a POST, PATCH or DELETE. Default: a new random key per logical call, reused on the
    /// SDK's own retries. Pass your own (e.g. your order id) to make a call safe to repeat across process restarts.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A key for this call only, instead of <see cref="EmbeddedFinanceClientOptions.ApiKey"/> (e.g. the operator's admin key).</summary>
    public string? ApiKey { get; init; }
}
