using System.Globalization;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

public sealed class TableRedeliveryLog(StateTable table) : IRedeliveryLog
{
    public async Task<RedeliveryWindow> GetAsync(string scope, string eventId, string endpointId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<RedeliveryWindowEntity>(scope, RowKey(eventId, endpointId), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row) return RedeliveryWindow.Empty;
        var times = row.Times.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(milliseconds, CultureInfo.InvariantCulture)))
            .ToList();
        return new RedeliveryWindow(times, row.ETag.ToString());
    }

    public async Task SaveAsync(string scope, string eventId, string endpointId, RedeliveryWindow window, CancellationToken cancellationToken)
    {
        var row = new RedeliveryWindowEntity
        {
            PartitionKey = scope,
            RowKey = RowKey(eventId, endpointId),
            Times = string.Join(',', window.Times.Select(time => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))),
        };
        try
        {
            if (window.Version is null) await table.Client.AddEntityAsync(row, cancellationToken);
            else await table.Client.UpdateEntityAsync(row, new ETag(window.Version), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException changed) when (changed.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("The redelivery window changed since it was read.", changed);
        }
    }

    private static string RowKey(string eventId, string endpointId) => StateTable.RowKey(RedeliveryWindowEntity.Kind, $"{eventId}|{endpointId}");
}
