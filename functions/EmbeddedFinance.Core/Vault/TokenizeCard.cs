using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Vault;

/// <summary>Turns a card into a token: seals the number, fingerprints it, drops the CVC, stores the token in the caller's scope.</summary>
public sealed class TokenizeCard(ITokenStore store, CardSealer sealer, CardFingerprinter fingerprinter, TimeProvider clock)
{
    public async Task<Result<StoredResponse>> HandleAsync(Caller.Merchant caller, TokenizeCardCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var id = PrefixedId.New("tok", clock);
        var token = new CardToken(
            id, caller.Scope, command.Number.Brand, command.Number.Last4, command.Expiry,
            await fingerprinter.OfAsync(caller.MerchantId, command.Number, cancellationToken),
            caller.Mode, clock.GetUtcNow());
        var sealedCard = await sealer.SealAsync(caller.Scope, id, command.Number, command.Name, cancellationToken);

        var response = StoredResponse.Of(201, TokenView.From(token));
        await store.CreateAsync(token, sealedCard, lease?.Complete(response), cancellationToken);
        return response;
    }
}
