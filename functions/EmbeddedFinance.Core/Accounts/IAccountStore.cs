using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Accounts;

public interface IAccountStore
{
    Task CreateAsync(ConnectedAccount account, PlatformEvent created, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    /// <summary>Replaces the account (guarded by its <see cref="ConnectedAccount.Version"/>) with its event, in one batch.</summary>
    /// <exception cref="Common.ConcurrencyConflictException">The account changed since it was read: nothing was written.</exception>
    Task UpdateAsync(ConnectedAccount account, PlatformEvent updated, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    /// <summary>As the other overload, with several events (<c>account.updated</c> and <c>account.verified</c>) in the same batch.</summary>
    Task UpdateAsync(ConnectedAccount account, IReadOnlyList<PlatformEvent> events, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    Task<ConnectedAccount?> GetAsync(string scope, string accountId, CancellationToken cancellationToken);

    /// <summary>Whether the account exists in the scope (accounts are never deleted, so a yes may be cached).</summary>
    Task<bool> ExistsAsync(string scope, string accountId, CancellationToken cancellationToken);

    Task<Page<ConnectedAccount>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken);
}
