namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Spaces the deliveries to a throttled endpoint across every process: one "next free slot" per endpoint in storage,
/// taken with optimistic concurrency, so two consumers never take the same slot.
/// </summary>
public interface IEndpointPacer
{
    /// <summary>
    /// Takes the endpoint's next slot if it starts within <paramref name="horizon"/> of <paramref name="now"/>, moving the
    /// next free slot <paramref name="interval"/> after it. Otherwise takes nothing and says when the next slot starts.
    /// </summary>
    Task<PaceSlot> TakeAsync(string scope, string endpointId, TimeSpan interval, DateTimeOffset now, TimeSpan horizon, CancellationToken cancellationToken);
}

/// <param name="Taken">True: the slot at <paramref name="At"/> is this delivery's. False: come back at <paramref name="At"/>.</param>
public sealed record PaceSlot(bool Taken, DateTimeOffset At);
