using System.Text;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Idempotency;

/// <summary>The row shape of idempotency records and the sealing of their responses.</summary>
public sealed class IdempotencyRecords(DataKeys dataKeys, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public const string Kind = "idem";

    public static string RowKey(string key) => StateTable.RowKey(Kind, Digest.Sha256(key));

    public IdempotencyEntity NewInFlight(string scope, string key, string fingerprint)
    {
        var now = clock.GetUtcNow();
        return new IdempotencyEntity
        {
            PartitionKey = scope,
            RowKey = RowKey(key),
            Fingerprint = fingerprint,
            Claim = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
            ExpiresAt = now + options.Value.Retention,
            LeaseUntil = now + options.Value.InFlightTimeout,
        };
    }

    public async Task<TableTransactionAction> CompletionActionAsync(IdempotencyCompletion completion, CancellationToken cancellationToken)
    {
        var lease = completion.Lease;
        var (version, responseSealed) = await dataKeys.SealAsync(
            SecretNames.IdempotencyDataKey, Encoding.UTF8.GetBytes(completion.Response.Body), AssociatedData(lease.Scope, lease.Key), cancellationToken);
        var entity = new IdempotencyEntity
        {
            PartitionKey = lease.Scope,
            RowKey = RowKey(lease.Key),
            State = IdempotencyEntity.Completed,
            Fingerprint = lease.Fingerprint,
            CreatedAt = lease.Created,
            ExpiresAt = lease.Created + options.Value.Retention,
            LeaseUntil = lease.Created,
            ResponseStatus = completion.Response.Status,
            ResponseContentType = completion.Response.ContentType,
            ResponseKeyVersion = version,
            ResponseSealed = responseSealed,
        };
        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(lease.Version));
    }

    public async Task<StoredResponse> OpenAsync(IdempotencyEntity entity, string key, CancellationToken cancellationToken)
    {
        var body = await dataKeys.OpenAsync(SecretNames.IdempotencyDataKey, entity.ResponseKeyVersion!, entity.ResponseSealed ?? [], AssociatedData(entity.PartitionKey, key), cancellationToken);
        var text = Encoding.UTF8.GetString(body);
        return new StoredResponse(entity.ResponseStatus!.Value, entity.ResponseContentType!, text)
        {
            ErrorCode = entity.ResponseContentType == StoredResponse.Problem ? ProblemDocument.CodeOf(text) : null,
        };
    }

    private static byte[] AssociatedData(string scope, string key) => Encoding.UTF8.GetBytes($"{scope}|{RowKey(key)}");
}
