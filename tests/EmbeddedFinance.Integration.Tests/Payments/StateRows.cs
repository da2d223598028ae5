using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Payments;

/// <summary>Reads what a scope's partition holds, to assert on the ledger and the events behind the API.</summary>
public static class StateRows
{
    public static async Task<List<LedgerTransaction>> LedgerAsync(TestHost host, string scope)
    {
        var (from, to) = StateTable.RowKeyRange(LedgerEntity.Kind);
        var rows = new List<LedgerTransaction>();
        await foreach (var entity in Table(host).QueryAsync<LedgerEntity>(e => e.PartitionKey == scope && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0))
        {
            rows.Add(LedgerRows.ToTransaction(entity));
        }
        return rows;
    }

    public static async Task<List<EventEntity>> EventsAsync(TestHost host, string scope, string kind = EventEntity.Kind)
    {
        var (from, to) = StateTable.RowKeyRange(kind);
        var rows = new List<EventEntity>();
        await foreach (var entity in Table(host).QueryAsync<EventEntity>(e => e.PartitionKey == scope && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0))
        {
            rows.Add(entity);
        }
        return rows;
    }

    /// <summary>The sum of all postings to each ledger account in the scope.</summary>
    public static async Task<Dictionary<string, long>> BalancesAsync(TestHost host, string scope) =>
        (await LedgerAsync(host, scope)).SelectMany(t => t.Postings).GroupBy(p => p.Account).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));

    public static async Task AssertEveryTransactionBalancesAsync(TestHost host, string scope)
    {
        var ledger = await LedgerAsync(host, scope);
        Assert.All(ledger, transaction => Assert.Equal(0, transaction.Postings.Sum(p => p.Amount)));
    }

    private static TableClient Table(TestHost host) => host.Services.GetRequiredService<StateTable>().Client;
}
