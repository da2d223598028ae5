using System.Net;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// The enabled endpoints of a scope, as the relay asks for them on every page, for one point read instead of a
/// query. Every batch that writes an endpoint also stamps the scope's marker row with a new change id, so a list
/// read after seeing a change id stays true until the marker shows another; a list is cached with the id seen
/// before it was read (a write in between only makes the next read look again). A scope without a marker (no
/// endpoint written since the marker existed) is read with a query once, and the marker is then created, never
/// overwritten: a concurrent endpoint write that created it first wins and is seen on the next read.
/// </summary>
public sealed class WebhookEndpointSet(StateTable table, TimeProvider clock)
{
    private const string Kind = "webhook_endpoint_set";
    private static readonly string MarkerRow = StateTable.RowKey(Kind, "changes");
    private readonly ExpiringCache<string, (string Change, IReadOnlyList<WebhookEndpoint> Enabled)> enabled = new(Timeout.InfiniteTimeSpan, clock);

    /// <summary>Stamps the scope's marker in the batch that writes one of its endpoints.</summary>
    public static StateBatch Changed(StateBatch batch) => batch.Upsert(Marker(batch.PartitionKey));

    public async Task<IReadOnlyList<WebhookEndpoint>> EnabledAsync(string scope, Func<Task<IReadOnlyList<WebhookEndpoint>>> query, CancellationToken cancellationToken)
    {
        var marker = await table.Client.GetEntityIfExistsAsync<TableEntity>(scope, MarkerRow, cancellationToken: cancellationToken);
        if (marker.HasValue && marker.Value!.GetString("Change") is { } change)
        {
            if (enabled.TryGet(scope, out var cached) && cached.Change == change) return cached.Enabled;
            var fresh = await query();
            enabled.Set(scope, (change, fresh));
            return fresh;
        }

        var found = await query();
        var created = Marker(scope);
        try
        {
            await table.Client.AddEntityAsync(created, cancellationToken);
            enabled.Set(scope, (created.GetString("Change"), found));
        }
        catch (RequestFailedException conflict) when (conflict.Status == (int)HttpStatusCode.Conflict)
        {
            // An endpoint write stamped it meanwhile; the next read compares against that stamp.
        }
        return found;
    }

    private static TableEntity Marker(string scope) => new(scope, MarkerRow) { ["Change"] = Guid.NewGuid().ToString("N") };
}
