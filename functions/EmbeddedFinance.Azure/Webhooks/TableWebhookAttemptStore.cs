using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

public sealed class TableWebhookAttemptStore(StateTable table) : IWebhookAttemptStore
{
    public async Task<IReadOnlyList<WebhookAttempt>> ListAsync(string scope, string eventId, string? endpointId, CancellationToken cancellationToken)
    {
        var prefix = StateTable.RowKey(WebhookAttemptEntity.Kind, endpointId is null ? eventId + "|" : $"{eventId}|{endpointId}|");
        var found = new List<WebhookAttempt>();
        await foreach (var entity in table.RangeInScope<WebhookAttemptEntity>(scope, prefix, prefix + "~", cancellationToken: cancellationToken))
        {
            found.Add(new WebhookAttempt(entity.EventId, entity.EndpointId, entity.Number, entity.Manual, entity.Started, entity.StatusCode,
                entity.DurationMs, entity.Error, entity.NextAttemptAt));
        }
        return found.OrderBy(attempt => attempt.Started).ToList();
    }

    public async Task RecordAsync(string scope, WebhookAttempt attempt, CancellationToken cancellationToken)
    {
        var number = attempt.Manual
            ? "m" + attempt.Number.ToString("D3", CultureInfo.InvariantCulture)
            : "a" + attempt.Number.ToString("D2", CultureInfo.InvariantCulture);
        var entity = new WebhookAttemptEntity
        {
            PartitionKey = scope,
            RowKey = StateTable.RowKey(WebhookAttemptEntity.Kind, $"{attempt.EventId}|{attempt.EndpointId}|{number}"),
            EventId = attempt.EventId,
            EndpointId = attempt.EndpointId,
            Number = attempt.Number,
            Manual = attempt.Manual,
            Started = attempt.Started,
            StatusCode = attempt.StatusCode,
            DurationMs = attempt.DurationMs,
            Error = attempt.Error,
            NextAttemptAt = attempt.NextAttemptAt,
        };
        // The failure mark is written before the attempt it announces and removed after a success is recorded: a crash in
        // between leaves a mark without a failure, which recovery checks against the attempts and skips (ADR 023).
        var mark = new FailedAttemptEntity
        {
            PartitionKey = scope,
            RowKey = FailedRowKey(attempt.EndpointId, attempt.EventId),
            EventId = attempt.EventId,
        };
        if (!attempt.Succeeded) await table.Client.UpsertEntityAsync(mark, TableUpdateMode.Replace, cancellationToken);
        try
        {
            await table.Client.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exists) when (exists.Status == (int)HttpStatusCode.Conflict)
        {
            // A duplicate message made the same attempt; the first record stands.
        }
        // A first scheduled attempt that succeeds (nearly every delivery) follows no failure of its own: it costs no delete. A
        // manual attempt that failed before it leaves a stale mark, which recovery skips after checking the attempts.
        if (attempt.Succeeded && (attempt.Manual || attempt.Number > 1))
        {
            try
            {
                await table.Client.DeleteEntityAsync(scope, mark.RowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException missing) when (missing.Status == (int)HttpStatusCode.NotFound)
            {
                // Never failed before: nothing to unmark.
            }
        }
    }

    public async IAsyncEnumerable<string> MarkedFailedAsync(string scope, string endpointId, string fromEventId, string toEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var mark in table.RangeInScope<FailedAttemptEntity>(scope, FailedRowKey(endpointId, fromEventId), FailedRowKey(endpointId, toEventId), cancellationToken: cancellationToken))
        {
            yield return mark.EventId;
        }
    }

    private static string FailedRowKey(string endpointId, string eventId) => StateTable.RowKey(FailedAttemptEntity.Kind, $"{endpointId}|{eventId}");
}
