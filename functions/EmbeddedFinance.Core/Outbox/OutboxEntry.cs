using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Core.Outbox;

/// <summary>An event not yet dispatched, with the ledger transaction its change wrote (which then needs settling).</summary>
public sealed record OutboxEntry(PlatformEvent Event, string? LedgerTransactionId, string Version);
