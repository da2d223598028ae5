using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Functions.Recovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Functions.Settlement;

public sealed class SettlementFunctions(SettleScope settle, ISettlementStore store, ISettlementQueue queue, QueueWork work, TimeProvider clock, ILogger<SettlementFunctions> logger)
{
    [Function("Settle")]
    public Task SettleAsync([QueueTrigger("%Queues:Settlement%")] SettlementRequest request, CancellationToken cancellationToken) =>
        work.RunAsync("Settle", queues => queues.Settlement, request, () => settle.RunAsync(request.Scope, request.LedgerTransactions, cancellationToken), cancellationToken);

    /// <summary>Releases that came due, and jobs whose request was lost, get a request of their own.</summary>
    [Function("SweepSettlement")]
    public async Task SweepAsync([TimerTrigger("%Schedules:SweepSettlement%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var scopes = await store.ScopesWithDueJobsAsync(clock.GetUtcNow() - TimeSpan.FromSeconds(5), cancellationToken);
        foreach (var scope in scopes) await queue.EnqueueAsync(new SettlementRequest(scope, []), cancellationToken);
        if (scopes.Count > 0) logger.LogInformation("Settlement sweep queued {Count} scopes with due jobs", scopes.Count);
    }
}
