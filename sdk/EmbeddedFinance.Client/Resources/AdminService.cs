using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/admin</c>: </summary>
public sealed class AdminService
{
    private readonly ApiTransport api;

    internal AdminService(ApiTransport api) => this.api = api;

    /// <summary>Checks every ledger transaction and balance now.</summary>
    public Task<ReconciliationReport> ReconcileAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<ReconciliationReport>("v1/admin/reconciliation", null, options, cancellationToken);

    /// <summary>Verifies an account held for manual review (<c>under_review</c>).</summary>
    public Task<Account> VerifyAccountAsync(string accountId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Account>($"v1/admin/accounts/{Segment(accountId)}/verify", null, options, cancellationToken);

    /// <summary>Every platform queue's poison twin and what sits in it.</summary>
    public Task<Page<PoisonQueueInfo>> ListPoisonQueuesAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<PoisonQueueInfo>>("v1/admin/poison", options, cancellationToken);

    /// <summary>Moves up to <paramref name="limit"/> poisoned messages back to their queue.</summary>
    public Task<PoisonRequeue> RequeuePoisonAsync(string queue, int? limit = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<PoisonRequeue>($"v1/admin/poison/{Segment(queue)}/requeue", new { limit }, options, cancellationToken);

    /// <summary>Verifies a scope's audit chain.</summary>
    public Task<AuditVerification> VerifyAuditTrailAsync(string scope, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<AuditVerification>(Query("v1/admin/audit/verify", null, [new("scope", scope)]), options, cancellationToken);
}
