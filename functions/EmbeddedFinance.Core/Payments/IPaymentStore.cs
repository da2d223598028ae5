using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// A payment change and everything it implies, committed as one atomic batch. <paramref name="StatusEvent"/> is a second
/// event for a change that is two facts at once: a review closed and the payment succeeded, say.
/// </summary>
public sealed record PaymentChange(
    Payment Payment,
    LedgerTransaction? Ledger,
    Refund? Refund,
    PlatformEvent Event,
    IdempotencyCompletion? Completion,
    PlatformEvent? StatusEvent = null);

public interface IPaymentStore
{
    Task CreateAsync(PaymentChange change, CancellationToken cancellationToken);

    /// <exception cref="ConcurrencyConflictException">The payment changed since it was read.</exception>
    Task UpdateAsync(PaymentChange change, CancellationToken cancellationToken);

    Task<Payment?> GetAsync(string scope, string paymentId, CancellationToken cancellationToken);

    Task<Page<Payment>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken);
}
