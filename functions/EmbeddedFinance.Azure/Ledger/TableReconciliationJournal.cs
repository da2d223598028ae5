using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>
/// Reconciliation's reads and checkpoints in the state table. Scopes come from the work calendar's reconciliation
/// marks (written with every settlement marker); in each scope, <c>reconciled|checkpoint</c> holds the last run taken
/// and <c>reconciled|sum|{account}|{currency}</c> the running sum of each balance, saved together in one batch.
/// </summary>
public sealed class TableReconciliationJournal(StateTable table, WorkCalendar calendar) : IReconciliationJournal
{
    private const string Kind = "reconciled";
    private static readonly string CheckpointRow = StateTable.RowKey(Kind, "checkpoint");
    private static readonly string SumKind = $"{Kind}|sum";

    public async Task<int> ForEachDueScopeAsync(Func<string, Task<bool>> reconcile, CancellationToken cancellationToken)
    {
        var buckets = await calendar.DueAsync(WorkPurpose.Reconciliation, calendar.Now, cancellationToken);
        var scopes = buckets.SelectMany(bucket => bucket.Scopes).Distinct(StringComparer.Ordinal).ToList();
        foreach (var scope in scopes)
        {
            // A scope with problems stays on the calendar, so that every run reports them until they are gone.
            if (await reconcile(scope)) await calendar.MarkAsync(WorkPurpose.Reconciliation, scope, calendar.Now, cancellationToken);
        }
        await calendar.DoneAsync(WorkPurpose.Reconciliation, buckets, cancellationToken);
        return scopes.Count;
    }

    public async Task<(ReconciliationCheckpoint Checkpoint, Dictionary<BalanceKey, long> Sums)> CheckpointAsync(string scope, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<TableEntity>(scope, CheckpointRow, cancellationToken: cancellationToken);
        var checkpoint = found.HasValue
            ? new ReconciliationCheckpoint(found.Value!.GetString("After"), found.Value.GetInt64("Transactions") ?? 0,
                JsonSerializer.Deserialize<List<string>>(found.Value.GetString("UnbalancedJson") ?? "[]") ?? [], found.Value.ETag.ToString())
            : ReconciliationCheckpoint.Start;
        var sums = new Dictionary<BalanceKey, long>();
        await foreach (var row in table.KindInScope<TableEntity>(scope, SumKind, cancellationToken: cancellationToken))
        {
            Currency.TryParse(row.GetString("Currency"), out var currency);
            sums[new BalanceKey(row.GetString("Account"), currency)] = row.GetInt64("Amount") ?? 0;
        }
        return (checkpoint, sums);
    }

    public async Task<IReadOnlyList<AppliedRun>> RunsAfterAsync(string scope, string? after, int max, CancellationToken cancellationToken)
    {
        var (from, to) = StateTable.RowKeyRange(SettlementMarkerEntity.Kind);
        if (after is not null) from = StateTable.RowKey(SettlementMarkerEntity.Kind, after) + "\0";
        var runs = new List<AppliedRun>();
        await foreach (var marker in table.RangeInScope<SettlementMarkerEntity>(scope, from, to, maxPerPage: max, cancellationToken: cancellationToken))
        {
            runs.Add(new AppliedRun(marker.RowKey[(SettlementMarkerEntity.Kind.Length + 1)..], JsonSerializer.Deserialize<List<string>>(marker.AppliedJson) ?? []));
            if (runs.Count == max) break;
        }
        return runs;
    }

    public async Task<IReadOnlyList<LedgerTransaction>> TransactionsAsync(string scope, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(ids.Select(id => table.Client.GetEntityIfExistsAsync<LedgerEntity>(scope, StateTable.RowKey(LedgerEntity.Kind, id), cancellationToken: cancellationToken)));
        return found.Where(entity => entity.HasValue).Select(entity => LedgerRows.ToTransaction(entity.Value!)).ToList();
    }

    public async Task<string> SaveAsync(string scope, ReconciliationCheckpoint checkpoint, IReadOnlyDictionary<BalanceKey, long> changed, CancellationToken cancellationToken)
    {
        var row = new TableEntity(scope, CheckpointRow)
        {
            ["After"] = checkpoint.After,
            ["Transactions"] = checkpoint.Transactions,
            ["UnbalancedJson"] = JsonSerializer.Serialize(checkpoint.Unbalanced),
        };
        var actions = new List<TableTransactionAction>
        {
            checkpoint.Version is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, new ETag(checkpoint.Version)),
        };
        actions.AddRange(changed.Select(sum => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(scope, StateTable.RowKey(SumKind, $"{sum.Key.Account}|{sum.Key.Currency.Code}"))
        {
            ["Account"] = sum.Key.Account,
            ["Currency"] = sum.Key.Currency.Code,
            ["Amount"] = sum.Value,
        })));
        try
        {
            var committed = await table.Client.SubmitTransactionAsync(actions, cancellationToken);
            return committed.Value[0].Headers.ETag!.Value.ToString();
        }
        catch (TableTransactionFailedException moved) when (moved.FailedTransactionActionIndex == 0 && moved.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            throw new ConcurrencyConflictException("Another reconciliation moved this scope's checkpoint first; nothing was written.", moved);
        }
    }
}
