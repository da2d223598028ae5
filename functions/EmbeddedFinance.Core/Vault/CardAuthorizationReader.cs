using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Vault;

/// <summary>The card behind a token, for the payment path's call to the acquirer and nothing else.</summary>
public sealed record AuthorizableCard(CardToken Token, CardNumber Number, string? Name);

/// <summary>
/// "Decrypt for authorization": the only way to get a card number back out of the vault. Only the payment
/// path may depend on it; a test fails if an HTTP function does.
/// </summary>
public sealed class CardAuthorizationReader(ITokenStore store, CardSealer sealer, ILogger<CardAuthorizationReader> logger)
{
    /// <summary>The card of a token in this scope, or 404 <c>resource_missing</c> with <paramref name="param"/>.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The stored card fails authentication: fail closed.</exception>
    public async Task<Result<AuthorizableCard>> OpenAsync(string scope, string tokenId, string param, CancellationToken cancellationToken)
    {
        var found = PrefixedId.IsWellFormed(tokenId, "tok") ? await store.GetAsync(scope, tokenId, cancellationToken) : null;
        if (found is not { } stored) return Errors.ResourceMissing("token", param);
        try
        {
            var (number, name) = await sealer.OpenAsync(scope, tokenId, stored.Card, cancellationToken);
            return new AuthorizableCard(stored.Token, number, name);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            logger.LogCritical("Sealed card data of token {TokenId} in scope {Scope} failed authentication; refusing to use it", tokenId, scope);
            throw;
        }
    }
}
