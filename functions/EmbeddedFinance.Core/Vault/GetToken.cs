using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Vault;

public sealed class GetToken(ITokenStore store)
{
    public async Task<Result<StoredResponse>> HandleAsync(Caller.Merchant caller, string tokenId, CancellationToken cancellationToken)
    {
        var found = PrefixedId.IsWellFormed(tokenId, "tok") ? await store.GetAsync(caller.Scope, tokenId, cancellationToken) : null;
        return found is { } stored ? StoredResponse.Of(200, TokenView.From(stored.Token)) : Errors.ResourceMissing("token");
    }
}
