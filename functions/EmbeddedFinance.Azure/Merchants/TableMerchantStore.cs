using EmbeddedFinance.Azure.Access;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Azure.Merchants;

public sealed class TableMerchantStore(StateTable table, StateBatches batches) : IMerchantStore
{
    private const string Kind = "merchant";

    /// <summary>
    /// The keys' rows first (their index rows each in the partition their hash picks, their object rows in one batch in
    /// the merchant's scope), then the merchant with the idempotency completion: a refused batch takes the keys' rows
    /// back, a crash in between leaves only keys nobody was shown, and a retry with the same Idempotency-Key starts over.
    /// </summary>
    public async Task CreateAsync(Merchant merchant, IReadOnlyList<ApiKeyRecord> keys, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        foreach (var key in keys) await table.Client.AddEntityAsync(ApiKeyRows.ToEntity(key), cancellationToken);
        foreach (var scope in keys.GroupBy(key => key.Scope))
        {
            var objects = batches.For(scope.Key);
            foreach (var key in scope) objects.Add(ApiKeyRows.ToObjectEntity(key));
            await objects.SubmitAsync(cancellationToken);
        }
        var batch = batches.For(PlatformPartition.Key).Add(new MerchantEntity
        {
            PartitionKey = PlatformPartition.Key,
            RowKey = StateTable.RowKey(Kind, merchant.Id),
            Name = merchant.Name,
            Country = merchant.Country.Code,
            DefaultCurrency = merchant.DefaultCurrency.Code,
            Created = merchant.Created,
            ApiVersion = merchant.ApiVersion,
            Email = merchant.Email,
            TermsVersion = merchant.Terms?.Version,
            TermsAcceptedAt = merchant.Terms?.AcceptedAt,
        });
        await batch.CompleteAsync(completion, cancellationToken);
        await RowWithdrawal.RunAsync(table, [.. keys.SelectMany(key => new[] { ApiKeyRows.ToEntity(key), ApiKeyRows.ToObjectEntity(key) })], () => batch.SubmitAsync(cancellationToken));
    }

    public async Task<Merchant?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<MerchantEntity>(PlatformPartition.Key, StateTable.RowKey(Kind, merchantId), cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var entity = found.Value!;
        Country.TryParse(entity.Country, out var country);
        Currency.TryParse(entity.DefaultCurrency, out var currency);
        return new Merchant(merchantId, entity.Name, country, currency, entity.Created) 
        {
            ApiVersion = entity.ApiVersion ?? ApiVersions.First,
            Email = entity.Email,
            Terms = entity is { TermsVersion: { } version, TermsAcceptedAt: { } at } ? new TermsAcceptance(version, at) : null,
        };
    }

    public async Task UpdateApiVersionAsync(string merchantId, string apiVersion, CancellationToken cancellationToken)
    {
        // Read and replaced under its ETag: a concurrent change of the row makes this a conflict, never a lost write.
        var found = await table.Client.GetEntityAsync<MerchantEntity>(PlatformPartition.Key, StateTable.RowKey(Kind, merchantId), cancellationToken: cancellationToken);
        var entity = found.Value;
        entity.ApiVersion = apiVersion;
        await batches.For(PlatformPartition.Key).Replace(entity).SubmitAsync(cancellationToken);
    }
}
