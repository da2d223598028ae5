using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

public sealed class PayoutQueries(IPayoutStore store)
{
    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string payoutId, CancellationToken cancellationToken)
    {
        var payout = PrefixedId.IsWellFormed(payoutId, "po") ? await store.GetAsync(caller.Scope, payoutId, cancellationToken) : null;
        return payout is null ? Errors.ResourceMissing("payout") : StoredResponse.Of(200, PayoutView.From(payout));
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, string? account, CancellationToken cancellationToken)
    {
        if (account is not null && !PrefixedId.IsWellFormed(account, "acct")) return Errors.ParameterInvalid("account", "The account filter must be an account id (acct_…).");
        var found = await store.ListAsync(caller.Scope, page, account, cancellationToken);
        return StoredResponse.Of(200, new ListView<PayoutView>("list", found.Data.Select(PayoutView.From).ToList(), found.HasMore, "/v1/payouts"));
    }
}
