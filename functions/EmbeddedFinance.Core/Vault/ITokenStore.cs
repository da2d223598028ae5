using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Vault;

public interface ITokenStore
{
    Task CreateAsync(CardToken token, SealedCard card, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    /// <summary>The token in this scope, or null: another merchant's (or mode's) token is simply not there.</summary>
    Task<(CardToken Token, SealedCard Card)?> GetAsync(string scope, string tokenId, CancellationToken cancellationToken);
}
