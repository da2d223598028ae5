using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Ledger;

public sealed class LedgerFunctions(ApiPipeline api, LedgerQueries ledger, Reconciliation reconciliation)
{
    private static readonly ApiRoute Balance = new("accounts.balance", AccessPolicy.Needs(Permission.Read(ApiResources.Balance)));
    private static readonly ApiRoute Transactions = new("ledger.transactions", AccessPolicy.Needs(Permission.Read(ApiResources.Ledger)));
    private static readonly ApiRoute Reconcile = new("ledger.reconcile", AccessPolicy.AdminOnly);

    [Function("GetAccountBalance")]
    public Task<IActionResult> BalanceAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/accounts/{id}/balance")] HttpRequest request, string id) =>
        api.ReadAsync(request, Balance, call => ledger.BalanceAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListLedgerTransactions")]
    public Task<IActionResult> TransactionsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/ledger/transactions")] HttpRequest request) =>
        api.ReadAsync(request, Transactions, async call =>
        {
            var page = ListQuery.Parse(request, "ltx");
            if (!page.IsSuccess) return page.Error!;
            var account = request.Query["account"].ToString();
            var reference = request.Query["reference"].ToString();
            return await ledger.TransactionsAsync(call.Merchant, page.Value!, account.Length == 0 ? null : account, reference.Length == 0 ? null : reference, request.HttpContext.RequestAborted);
        });

    /// <summary>Operator route: reconcile now and return the report (the timer does the same on its schedule).</summary>
    [Function("Reconcile")]
    public Task<IActionResult> ReconcileAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/reconciliation")] HttpRequest request) =>
        // It takes no parameters, but a body it cannot read is refused like anywhere else, not ignored.
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Reconcile,
            body => body.Validate(),
            async (_, _, _) => StoredResponse.Of(200, await reconciliation.RunAsync(CancellationToken.None)));

    [Function("ReconcileOnSchedule")]
    public Task ReconcileOnScheduleAsync([TimerTrigger("%Schedules:Reconcile%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciliation.RunAsync(cancellationToken);
}
