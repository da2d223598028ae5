using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payments;

public sealed class PaymentQueries(IPaymentStore store)
{
    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string paymentId, CancellationToken cancellationToken)
    {
        var payment = PrefixedId.IsWellFormed(paymentId, "pay") ? await store.GetAsync(caller.Scope, paymentId, cancellationToken) : null;
        return payment is null ? Errors.ResourceMissing("payment") : StoredResponse.Of(200, PaymentView.From(payment));
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, page, cancellationToken);
        return StoredResponse.Of(200, new ListView<PaymentView>("list", found.Data.Select(PaymentView.From).ToList(), found.HasMore, "/v1/payments"));
    }
}
