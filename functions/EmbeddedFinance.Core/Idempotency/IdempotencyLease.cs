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

    /// <summary>Set by the store once a batch carrying this lease's completion has committed.</summary>
    public bool IsCommitted { get; private set; }

    public IdempotencyCompletion Complete(Common.StoredResponse response) => new(this, response);

    public void MarkCommitted() => IsCommitted = true;
}
