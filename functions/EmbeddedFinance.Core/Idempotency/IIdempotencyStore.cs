namespace EmbeddedFinance.Core.Idempotency;

public interface IIdempotencyStore
{
    Task<IdempotencyBegin> BeginAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Records the response alone, for outcomes that wrote no state (a decline, a refused transition).</summary>
    /// <exception cref="IdempotencyLeaseLostException">The lease was taken over.</exception>
    Task CompleteAsync(IdempotencyCompletion completion, CancellationToken cancellationToken);

    /// <summary>Gives the key back after an unexpected failure so that a retry runs the request again.</summary>
    Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken);

    /// <summary>Deletes records past their retention; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
