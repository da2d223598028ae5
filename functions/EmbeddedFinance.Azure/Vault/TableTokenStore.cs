using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Azure.Vault;

/// <summary>
/// Tokens in the merchant's partition. A token never changes once written, so tokens written or read here
/// are remembered for ten minutes: the usual flow (tokenize, then pay at once) then reads nothing back. The
/// cache holds the sealed card, as storage does; a card number exists only while a payment is authorized.
/// </summary>
public sealed class TableTokenStore(StateTable table, StateBatches batches, TimeProvider clock) : ITokenStore
{
    private readonly ExpiringCache<(string Scope, string TokenId), (CardToken Token, SealedCard Card)?> recent = new(TimeSpan.FromMinutes(10), clock);

    public async Task CreateAsync(CardToken token, SealedCard card, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = batches.For(token.Scope).Add(new TokenEntity
        {
            PartitionKey = token.Scope,
            RowKey = StateTable.RowKey(TokenEntity.Kind, token.Id),
            Brand = token.Brand.ToString(),
            Last4 = token.Last4,
            ExpMonth = token.Expiry.Month,
            ExpYear = token.Expiry.Year,
            Fingerprint = token.Fingerprint,
            Mode = token.Mode.ToString(),
            Created = token.Created,
            KeyVersion = card.KeyVersion,
            SealedCard = card.Ciphertext,
        });
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
        recent.Set((token.Scope, token.Id), (token, card));
    }

    public Task<(CardToken Token, SealedCard Card)?> GetAsync(string scope, string tokenId, CancellationToken cancellationToken) =>
        recent.GetOrAddAsync((scope, tokenId), ct => ReadAsync(scope, tokenId, ct), cancellationToken, keep: read => read is not null);

    private async Task<(CardToken Token, SealedCard Card)?> ReadAsync(string scope, string tokenId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<TokenEntity>(scope, StateTable.RowKey(TokenEntity.Kind, tokenId), cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var entity = found.Value!;
        var token = new CardToken(
            tokenId, scope, Enum.Parse<CardBrand>(entity.Brand), entity.Last4, new CardExpiry(entity.ExpMonth, entity.ExpYear),
            entity.Fingerprint, Enum.Parse<Mode>(entity.Mode), entity.Created);
        return (token, new SealedCard(entity.KeyVersion, entity.SealedCard));
    }
}
