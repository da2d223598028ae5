using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payouts;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>Payouts in their merchant scope's partition; each change commits with its postings applied to the balances.</summary>
public sealed class TablePayoutStore(StateTable table, StateBatches batches, TimeProvider clock) : IPayoutStore
{
    /// <summary>The index of an account's payouts: <c>payoutacct|{acct_…}|{po_…}</c>, written with the payout.</summary>
    public const string AccountIndexKind = "payoutacct";

    /// <summary>The automatic payout of an account's period: <c>payoutperiod|{acct_…}|{period}</c>, written once with the payout (property <c>Payout</c>).</summary>
    public const string PeriodKind = "payoutperiod";

    public Task CreateAsync(PayoutChange change, CancellationToken cancellationToken) =>
        SubmitAsync(change, batch =>
        {
            var payout = change.Payout;
            batch.Add(ToEntity(payout)).Add(new TableEntity(payout.Scope, StateTable.RowKey(AccountIndex(payout.Account), payout.Id)));
            if (payout.Period is not null) batch.AddGuarded(new TableEntity(payout.Scope, PeriodRowKey(payout.Account, payout.Period)) { ["Payout"] = payout.Id });
        }, cancellationToken);

    public async Task<string?> PaidForPeriodAsync(string scope, string account, string period, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<TableEntity>(scope, PeriodRowKey(account, period), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetString("Payout") : null;
    }

    public Task UpdateAsync(PayoutChange change, CancellationToken cancellationToken) =>
        SubmitAsync(change, batch => batch.Replace(ToEntity(change.Payout)), cancellationToken);

    public async Task<Payout?> GetAsync(string scope, string payoutId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<PayoutEntity>(scope, StateTable.RowKey(PayoutEntity.Kind, payoutId), cancellationToken: cancellationToken);
        return found.HasValue ? ToPayout(found.Value!) : null;
    }

    public Task<Core.Api.Page<Payout>> ListAsync(string scope, PageRequest page, string? account, CancellationToken cancellationToken) => account is null
        ? CursorPages.ReadAsync<PayoutEntity, Payout>(table.Client, scope, PayoutEntity.Kind, page, ToPayout, cancellationToken)
        : IndexPages.ReadAsync<PayoutEntity, Payout>(table.Client, scope, AccountIndex(account), PayoutEntity.Kind, page, ToPayout, cancellationToken);

    private static string AccountIndex(string account) => $"{AccountIndexKind}|{account}";

    private static string PeriodRowKey(string account, string period) => StateTable.RowKey($"{PeriodKind}|{account}", period);

    private async Task SubmitAsync(PayoutChange change, Action<StateBatch> writePayout, CancellationToken cancellationToken)
    {
        var batch = batches.For(change.Payout.Scope);
        writePayout(batch);
        if (change.Ledger is not null)
        {
            // Applied here and now, not by settlement: the marker says so, for reconciliation.
            batch.AddLedger(change.Ledger).AddApplied(PrefixedId.New("stl", clock), [change.Ledger], 0, change.Balances, clock.GetUtcNow());
        }
        if (change.Event is not null) batch.AddEvent(change.Event);
        await batch.CompleteAsync(change.Completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    private static PayoutEntity ToEntity(Payout payout) => new()
    {
        PartitionKey = payout.Scope,
        RowKey = StateTable.RowKey(PayoutEntity.Kind, payout.Id),
        ETag = payout.Version is null ? default : new ETag(payout.Version),
        Mode = payout.Mode.ToString(),
        Account = payout.Account,
        Amount = payout.Amount,
        Fee = payout.Fee,
        Currency = payout.Currency.Code,
        Method = payout.Method.ToString(),
        Status = payout.Status.ToString(),
        DestinationLast4 = payout.DestinationLast4,
        Description = payout.Description,
        RailReference = payout.RailReference,
        FailureCode = payout.FailureCode,
        FailureMessage = payout.FailureMessage,
        Created = payout.Created,
        Period = payout.Period,
    };

    private static Payout ToPayout(PayoutEntity entity)
    {
        Currency.TryParse(entity.Currency, out var currency);
        return new Payout(entity.RowKey[(PayoutEntity.Kind.Length + 1)..], entity.PartitionKey, Enum.Parse<Mode>(entity.Mode), entity.Account, entity.Amount, entity.Fee,
            currency, Enum.Parse<PayoutMethod>(entity.Method), Enum.Parse<PayoutStatus>(entity.Status), entity.DestinationLast4, entity.Description,
            entity.RailReference, entity.FailureCode, entity.FailureMessage, entity.Created)
        {
            Version = entity.ETag.ToString(),
            Period = entity.Period,
        };
    }
}
