using EmbeddedFinance.Core.Api;
namespace EmbeddedFinance.Core.Idempotency;

/// <summary>
/// Exclusive right to run the request behind an idempotency key, held as an ETag on the in-flight record.
/// A state change commits <see cref="Complete"/> in the same table batch, so the response is recorded
/// exactly when the change is; if someone else took the record over, that batch fails whole.
/// </summary>
public sealed class IdempotencyLease(string scope, string key, string fingerprint, string version, DateTimeOffset created)
{
    public string Scope { get; } = scope;
    public string Key { get; } = key;
    public string Fingerprint { get; } = fingerprint;

    /// <summary>The store's concurrency token (an ETag) of the in-flight record.</summary>
    public string Version { get; } = version;

    public DateTimeOffset Created { get; } = created;

    /// <summary>
    /// Set by the store once a batch carrying this lease's completion has committed. A flag on purpose: the batch is
    /// written deep inside a use case, and the guard must know whether the response is already stored (then a failure
    /// after the commit must not free the key) without every write use case returning a commit receipt.
    /// </summary>
    public bool IsCommitted { get; private set; }

    private Func<ApiError, StoredResponse>? renderError;

    public IdempotencyCompletion Complete(StoredResponse response) => new(this, response);

    /// <summary>
    /// Completes with a refusal that commits together with a state change (a declined payment is stored, and answered
    /// 402), rendered exactly as the guard renders this request's other refusals, so a replay sends the same bytes.
    /// </summary>
    public IdempotencyCompletion Complete(ApiError refusal) =>
        new(this, (renderError ?? throw new InvalidOperationException("Only a lease handed out by the idempotency guard can complete with a refusal."))(refusal));

    /// <summary>Called by the guard that hands the lease out: only it knows how this request renders its errors (with its request id).</summary>
    internal void RenderErrorsWith(Func<ApiError, StoredResponse> render) => renderError = render;

    public void MarkCommitted() => IsCommitted = true;
}
