namespace EmbeddedFinance.Core.Webhooks;

/// <summary>One queued delivery's first attempt, which should be on record by the check's due time.</summary>
public sealed record DeliveryRef(string EventId, string EndpointId);

/// <summary>Deliveries queued together (one relayed page of a scope), to look at once <see cref="DueAt"/> passes.</summary>
public sealed record DeliveryCheck(string Id, string Scope, IReadOnlyList<DeliveryRef> Deliveries, DateTimeOffset DueAt, int Checks);

/// <summary>
/// When to look at queued deliveries again: an index of due times, written before the delivery messages are sent,
/// so the redrive timer reads what is due, never every event or attempt.
/// </summary>
public interface IDeliveryChecks
{
    Task ScheduleAsync(DeliveryCheck check, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryCheck>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task RemoveAsync(DeliveryCheck check, CancellationToken cancellationToken);
}
