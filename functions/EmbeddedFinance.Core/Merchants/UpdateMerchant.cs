using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>Pins a merchant to an API version: the admin for any merchant, a merchant's secret key for itself (anything else is 404).</summary>
public sealed class UpdateMerchant(IMerchantStore store, MerchantApiVersions versions, ILogger<UpdateMerchant> logger)
{
    public async Task<Result<StoredResponse>> HandleAsync(Caller caller, string merchantId, string apiVersion, CancellationToken cancellationToken)
    {
        var visible = caller is Caller.Admin || (caller is Caller.Merchant self && self.MerchantId == merchantId);
        var merchant = visible && PrefixedId.IsWellFormed(merchantId, "mer") ? await store.GetAsync(merchantId, cancellationToken) : null;
        if (merchant is null) return Errors.ResourceMissing("merchant");

        var response = StoredResponse.Of(200, MerchantView.From(merchant with { ApiVersion = apiVersion }));
        // The merchant row lives in the platform's partition, a merchant's idempotency record in its own: the guard
        // records the answer after the write. Pinning is a set, so a retry that runs again changes nothing.
        await store.UpdateApiVersionAsync(merchantId, apiVersion, cancellationToken);
        versions.Pin(merchantId, apiVersion);
        logger.LogInformation("Merchant {MerchantId} pinned to API version {ApiVersion} (was {Previous})", merchantId, apiVersion, merchant.ApiVersion);
        return response;
    }
}
