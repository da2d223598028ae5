using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>
/// A dispute change and everything it implies, committed as one batch: the dispute, its ledger transaction (if it
/// moves money), its event and the idempotency completion; at creation also the payment, marked disputed under its
/// ETag, so a payment is disputed at most once however often or concurrently its dispute is opened.
/// </summary>
public sealed record DisputeChange(
    Dispute Dispute,
    Payment? Payment,
    LedgerTransaction? Ledger,
    PlatformEvent Event,
    IdempotencyCompletion? Completion);

public interface IDisputeStore
{
    /// <exception cref="Common.ConcurrencyConflictException">The payment changed since it was read.</exception>
    Task CreateAsync(DisputeChange change, CancellationToken cancellationToken);

    /// <exception cref="Common.ConcurrencyConflictException">The dispute changed since it was read.</exception>
    Task UpdateAsync(DisputeChange change, CancellationToken cancellationToken);

    Task<Dispute?> GetAsync(string scope, string disputeId, CancellationToken cancellationToken);

    Task<Page<Dispute>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken);
}
