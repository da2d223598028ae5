using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Risk;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Risk;

/// <summary>
/// Each merchant's amount statistic, kept incrementally without making one hot row the price of every payment: amounts
/// gather in this instance and are folded into the row (ETag-guarded merge, so instances never overwrite each other) at
/// most every <see cref="FoldEvery"/> or every <see cref="FoldAt"/> amounts; reads come from a cache refreshed every
/// <see cref="RiskOptions.CacheLifetime"/>. A crash loses what had not been folded yet: a few samples of a statistic.
/// </summary>
public sealed class TableAmountStatistics(TableServiceClient service, IOptions<StorageOptions> options, IOptions<RiskOptions> risk, TimeProvider clock) : IAmountStatistics
{
    public static readonly TimeSpan FoldEvery = TimeSpan.FromSeconds(1);
    public const int FoldAt = 50;
    private const int MaxAttempts = 10;

    private readonly TableClient table = service.GetTableClient(options.Value.RiskTable);
    private readonly ExpiringCache<string, AmountStatistic> cache = new(risk.Value.CacheLifetime, clock);
    private readonly Lock gate = new();
    private readonly Dictionary<string, (AmountStatistic Gathered, DateTimeOffset Since)> pending = new(StringComparer.Ordinal);

    public Task<AmountStatistic> GetAsync(string scope, Currency currency, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(Partition(scope) + "/" + currency.Code, async token => (await ReadAsync(scope, currency, token))?.Statistic ?? AmountStatistic.None, cancellationToken);

    public async Task ObserveAsync(string scope, Currency currency, long amount, CancellationToken cancellationToken)
    {
        var key = Partition(scope) + "/" + currency.Code;
        var now = clock.GetUtcNow();
        AmountStatistic? due = null;
        lock (gate)
        {
            var (gathered, since) = pending.TryGetValue(key, out var found) ? found : (AmountStatistic.None, now);
            gathered = gathered.Add(amount);
            if (gathered.Count >= FoldAt || now - since >= FoldEvery)
            {
                pending.Remove(key);
                due = gathered;
            }
            else pending[key] = (gathered, since);
        }
        if (due is not null) cache.Set(key, await FoldAsync(scope, currency, due, cancellationToken));
    }

    private async Task<AmountStatistic> FoldAsync(string scope, Currency currency, AmountStatistic gathered, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadAsync(scope, currency, cancellationToken);
            var merged = (stored?.Statistic ?? AmountStatistic.None).Merge(gathered);
            var entity = new AmountStatisticEntity
            {
                PartitionKey = Partition(scope), RowKey = currency.Code, Count = merged.Count, Mean = merged.Mean, SquaredDeviations = merged.SquaredDeviations,
            };
            try
            {
                if (stored is null) await table.AddEntityAsync(entity, cancellationToken);
                else await table.UpdateEntityAsync(entity, stored.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return merged;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance folded its amounts meanwhile: merge into what it wrote.
            }
        }
    }

    private async Task<(AmountStatistic Statistic, ETag ETag)?> ReadAsync(string scope, Currency currency, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<AmountStatisticEntity>(Partition(scope), currency.Code, cancellationToken: cancellationToken);
        return found.HasValue ? (new AmountStatistic(found.Value!.Count, found.Value.Mean, found.Value.SquaredDeviations), found.Value.ETag) : null;
    }

    private static string Partition(string scope) => scope + "|amounts";
}
