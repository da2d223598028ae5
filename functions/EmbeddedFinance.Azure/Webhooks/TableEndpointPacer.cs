using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// A throttled endpoint's next free slot, <c>webhook_pace|we_…</c> in its merchant scope, taken with the row's ETag:
/// of two consumers reading the same slot only one writes the next, the other reads again. Only endpoints with a
/// <c>throttle_rate</c> have the row, so an unthrottled delivery costs nothing more.
/// </summary>
public sealed class TableEndpointPacer(StateTable table) : IEndpointPacer
{
    private const int ConflictRetries = 5;

    public async Task<PaceSlot> TakeAsync(string scope, string endpointId, TimeSpan interval, DateTimeOffset now, TimeSpan horizon, CancellationToken cancellationToken)
    {
        var rowKey = StateTable.RowKey(EndpointPaceEntity.Kind, endpointId);
        for (var attempt = 1; ; attempt++)
        {
            var found = await table.Client.GetEntityIfExistsAsync<EndpointPaceEntity>(scope, rowKey, cancellationToken: cancellationToken);
            var row = found.HasValue ? found.Value : null;
            var slot = row is null || row.NextSlot < now ? now : row.NextSlot;
            if (slot - now > horizon) return new PaceSlot(false, slot);
            var next = new EndpointPaceEntity { PartitionKey = scope, RowKey = rowKey, NextSlot = slot + interval };
            try
            {
                if (row is null) await table.Client.AddEntityAsync(next, cancellationToken);
                else await table.Client.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return new PaceSlot(true, slot);
            }
            catch (RequestFailedException taken) when (taken.Status is 409 or 412 && attempt < ConflictRetries)
            {
                // Another consumer took this slot: the next one is after it.
            }
            catch (RequestFailedException taken) when (taken.Status is 409 or 412)
            {
                // Contended past every retry: come back one interval later rather than exceed the rate.
                return new PaceSlot(false, slot + interval);
            }
        }
    }
}

public sealed class EndpointPaceEntity : ITableEntity
{
    public const string Kind = "webhook_pace";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset NextSlot { get; set; }
}
