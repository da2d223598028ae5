using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Risk;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Risk;

/// <summary>
/// Velocity counters as single rows changed by ETag-guarded read-modify-write: a write that lost to another (another
/// instance, or a row created meanwhile) reads again and adds again, so no increment is lost and none counts twice.
/// Within this instance, increments of one key wait their turn (striped locks) and start from the row and ETag this
/// instance wrote last, so a busy card costs one write per attempt rather than a storm of conflicting retries.
/// </summary>
public sealed class TableActivityCounters(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider clock) : IActivityCounters
{
    private const int MaxAttempts = 20;
    private const int Stripes = 256;

    private readonly TableClient table = service.GetTableClient(options.Value.RiskTable);
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly ExpiringCache<string, ActivityEntity> lastWritten = new(TimeSpan.FromMinutes(5), clock);

    public async Task<Activity> AddAsync(ActivityKey key, RiskEvent kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var partition = $"{key.Scope}|{key.Dimension}|{key.Value}";
        var stripe = stripes[(uint)StringComparer.Ordinal.GetHashCode(partition) % Stripes];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var current = lastWritten.TryGet(partition, out var cached) ? cached : await ReadAsync(partition, cancellationToken);
                var next = ToActivity(current).Add(kind, at);
                var entity = new ActivityEntity { PartitionKey = partition, Attempts = next.Attempts.Serialize(), Declines = next.Declines.Serialize() };
                try
                {
                    var written = current is null
                        ? await table.AddEntityAsync(entity, cancellationToken)
                        : await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
                    entity.ETag = written.Headers.ETag ?? default;
                    lastWritten.Set(partition, entity);
                    return next;
                }
                catch (RequestFailedException conflict) when (conflict.Status is 409 or 412)
                {
                    // Another writer got there first: read what it wrote and add to that.
                    lastWritten.Remove(partition);
                    if (attempt >= MaxAttempts) throw new ConcurrencyConflictException($"The risk counter {key} kept changing under concurrent writes.", conflict);
                    await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
                }
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<ActivityEntity?> ReadAsync(string partition, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<ActivityEntity>(partition, ActivityEntity.Row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static Activity ToActivity(ActivityEntity? entity) =>
        entity is null ? Activity.None : new Activity(ActivitySeries.Parse(entity.Attempts), ActivitySeries.Parse(entity.Declines));
}
