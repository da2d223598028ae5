namespace EmbeddedFinance.Core.Outbox;

/// <summary>
/// One destination of the relay's fan-out. Delivery is at least once (a crash after a consumer and before the
/// entries are marked dispatched repeats them), so every consumer must be idempotent by event id.
/// </summary>
public interface IOutboxConsumer
{
    Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);
}
