using System.Diagnostics;
using EmbeddedFinance.Core.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Idempotency;

/// <summary>
/// Runs a request at most once per (scope, key space, key): replays a completed response, refuses a different request
/// (422) or a concurrent one (409), records the outcome, and frees the key when the request fails unexpectedly.
/// </summary>
public sealed class IdempotencyGuard(IIdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotencyGuard> logger)
{
    public async Task<IdempotentOutcome> ExecuteAsync(
        string scope,
        IdempotencyKeySpace space,
        string key,
        string fingerprint,
        Func<IdempotencyLease, Task<Result<StoredResponse>>> operation,
        Func<ApiError, StoredResponse> renderError,
        CancellationToken cancellationToken)
    {
        var begin = await BeginOrWaitAsync(scope, space.RecordKey(key), fingerprint, cancellationToken);
        switch (begin)
        {
            case IdempotencyBegin.Replay replay:
                return new IdempotentOutcome(replay.Response, Replayed: true);
            case IdempotencyBegin.InFlight:
                return new IdempotentOutcome(renderError(Errors.IdempotencyInFlight()), Replayed: false);
            case IdempotencyBegin.Mismatch:
                return new IdempotentOutcome(renderError(Errors.IdempotencyKeyReused()), Replayed: false);
        }

        var lease = ((IdempotencyBegin.Acquired)begin).Lease;
        lease.RenderErrorsWith(renderError);
        Result<StoredResponse> result;
        try
        {
            result = await operation(lease);
        }
        catch (IdempotencyLeaseLostException)
        {
            return new IdempotentOutcome(renderError(Errors.IdempotencyInFlight()), Replayed: false);
        }
        catch (Exception) when (!lease.IsCommitted)
        {
            // Whatever escaped (a ConcurrencyConflictException after a write's last retry included) is not the request's answer.
            await ReleaseQuietlyAsync(lease);
            throw;
        }

        var response = result.IsSuccess ? result.Value! : renderError(result.Error!);
        if (lease.IsCommitted) return new IdempotentOutcome(response, Replayed: false);
        if (response.Status >= 500 || result.Error is { Transient: true })
        {
            // A server-side failure or a passing conflict is not the request's answer: free the key so a retry runs it again.
            await ReleaseQuietlyAsync(lease);
            return new IdempotentOutcome(response, Replayed: false);
        }
        try
        {
            await store.CompleteAsync(lease.Complete(response), cancellationToken);
        }
        catch (IdempotencyLeaseLostException)
        {
            return new IdempotentOutcome(renderError(Errors.IdempotencyInFlight()), Replayed: false);
        }
        catch (Exception)
        {
            // Nothing was written, and the answer could not be recorded: free the key rather than block it.
            await ReleaseQuietlyAsync(lease);
            throw;
        }
        return new IdempotentOutcome(response, Replayed: false);
    }

    /// <summary>Begins; while the key is in flight, polls until it completes or the wait runs out.</summary>
    private async Task<IdempotencyBegin> BeginOrWaitAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            var begin = await store.BeginAsync(scope, key, fingerprint, cancellationToken);
            if (begin is not IdempotencyBegin.InFlight || waited.Elapsed + pause > options.Value.InFlightWait) return begin;
            // Real time, not the injected clock: this paces storage polls, it is not a business deadline.
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    private async Task ReleaseQuietlyAsync(IdempotencyLease lease)
    {
        try
        {
            await store.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The record will block its key until the in-flight timeout passes; that is safe, only slower.
            // No stack: this happens to every request of a storage outage, whose cause is logged where it failed.
            logger.LogWarning("Could not release idempotency record in scope {Scope} ({Reason}); it frees itself after the in-flight timeout.", lease.Scope, exception.GetType().Name);
        }
    }
}
