using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Disputes;

public sealed class DisputeQueries(IDisputeStore store)
{
    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string disputeId, CancellationToken cancellationToken)
    {
        var dispute = PrefixedId.IsWellFormed(disputeId, "dp") ? await store.GetAsync(caller.Scope, disputeId, cancellationToken) : null;
        return dispute is null ? Errors.ResourceMissing("dispute") : StoredResponse.Of(200, DisputeView.From(dispute));
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, page, cancellationToken);
        return StoredResponse.Of(200, new ListView<DisputeView>("list", found.Data.Select(DisputeView.From).ToList(), found.HasMore, "/v1/disputes"));
    }
}
