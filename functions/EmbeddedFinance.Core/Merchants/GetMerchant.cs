using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>Reads a merchant: the admin may read any; a merchant only itself (anything else is 404, not 403).</summary>
public sealed class GetMerchant(IMerchantStore store)
{
    public async Task<Result<StoredResponse>> HandleAsync(Caller caller, string merchantId, CancellationToken cancellationToken)
    {
        var visible = caller is Caller.Admin || (caller is Caller.Merchant self && self.MerchantId == merchantId);
        var merchant = visible && PrefixedId.IsWellFormed(merchantId, "mer") ? await store.GetAsync(merchantId, cancellationToken) : null;
        return merchant is null ? Errors.ResourceMissing("merchant") : StoredResponse.Of(200, MerchantView.From(merchant));
    }
}
