using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Health;
using EmbeddedFinance.Core.Operations;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Health;

/// <summary>Asks each storage service for its properties, with a short timeout each.</summary>
public sealed class StorageHealthProbe(TableServiceClient tables, QueueServiceClient queues, IOptions<QueueNames> names) : IStorageHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<StorageHealthReport> ProbeAsync(CancellationToken cancellationToken)
    {
        var tablesTask = CheckAsync(token => tables.GetPropertiesAsync(token), cancellationToken);
        var queuesTask = CheckAsync(token => queues.GetPropertiesAsync(token), cancellationToken);
        var report = new StorageHealthReport(await tablesTask, await queuesTask);
        return report.Queues.Reachable ? report with { PoisonMessages = await PoisonMessagesAsync(cancellationToken) } : report;
    }

    /// <summary>Messages that kept failing, per poison queue (approximate, as the service counts them).</summary>
    private async Task<IReadOnlyDictionary<string, int>> PoisonMessagesAsync(CancellationToken cancellationToken)
    {
        var counts = await Task.WhenAll(names.Value.All.Select(async queue =>
        {
            var poison = queues.GetQueueClient(queue + IPoisonQueues.Suffix);
            try
            {
                return (poison.Name, (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount);
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
                return (poison.Name, 0);
            }
        }));
        return counts.ToDictionary(count => count.Name, count => count.Item2);
    }

    private static async Task<ServiceHealth> CheckAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await call(timeout.Token);
            return new ServiceHealth(true, watch.ElapsedMilliseconds, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServiceHealth(false, watch.ElapsedMilliseconds, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (RequestFailedException failed)
        {
            return new ServiceHealth(false, watch.ElapsedMilliseconds, $"status {failed.Status} {failed.ErrorCode}");
        }
        catch (Exception unreachable) when (unreachable is AggregateException or HttpRequestException or IOException)
        {
            return new ServiceHealth(false, watch.ElapsedMilliseconds, unreachable.GetType().Name);
        }
    }
}
