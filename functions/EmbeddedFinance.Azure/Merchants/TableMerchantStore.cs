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

    public async Task CreateAsync(Merchant merchant, IReadOnlyList<ApiKeyRecord> keys, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = batches.For(PlatformPartition.Key).Add(new MerchantEntity
        {
            PartitionKey = PlatformPartition.Key,
            RowKey = StateTable.RowKey(Kind, merchant.Id),
            Name = merchant.Name,
            Country = merchant.Country.Code,
            DefaultCurrency = merchant.DefaultCurrency.Code,
            Created = merchant.Created,
            ApiVersion = merchant.ApiVersion,
        });
        foreach (var key in keys) batch.Add(ApiKeyRows.ToEntity(key));
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task<Merchant?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<MerchantEntity>(PlatformPartition.Key, StateTable.RowKey(Kind, merchantId), cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var entity = found.Value!;
        Country.TryParse(entity.Country, out var country);
        Currency.TryParse(entity.DefaultCurrency, out var currency);
        return new Merchant(merchantId, entity.Name, country, currency, entity.Created) { ApiVersion = entity.ApiVersion ?? ApiVersions.First };
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
