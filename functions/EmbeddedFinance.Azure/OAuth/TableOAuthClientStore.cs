using Azure;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.OAuth;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.OAuth;

/// <summary>
/// A client's two rows (<see cref="OAuthClientRows"/>) are written in the order that fails closed, as API keys' are
/// (ADR 014): the index row first on registration (a crash after it leaves a client nobody was shown the secret of),
/// first removed on revocation (a crash after it leaves a listed client that no longer works). Look-ups by id are cached
/// for <see cref="ApiKeyOptions.CacheLifetime"/>, found and unknown ids apart, the unknown ones in a small bounded cache,
/// so a token check costs a storage read once a minute per client, and a stream of made-up ids one read per id.
/// </summary>
public sealed class TableOAuthClientStore : IOAuthClientStore, IOAuthClientDirectory
{
    private readonly StateTable table;
    private readonly StateBatches batches;
    private readonly FoundOrUnknownCache<OAuthClientRecord> clients;

    public TableOAuthClientStore(StateTable table, StateBatches batches, TimeProvider clock, IOptions<ApiKeyOptions> options)
    {
        this.table = table;
        this.batches = batches;
        clients = new(options.Value.CacheLifetime, options.Value.UnknownKeyCapacity, clock);
    }

    public async Task CreateAsync(OAuthClientRecord client, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var index = OAuthClientRows.ToIndexEntity(client);
        await table.Client.AddEntityAsync(index, cancellationToken);
        // An id is random: nobody asked for it before now, but a made-up id that happened to match would be remembered as unknown.
        clients.ForgetUnknown(client.ClientId);
        var batch = batches.For(client.Scope).Add(OAuthClientRows.ToObjectEntity(client));
        await batch.CompleteAsync(completion, cancellationToken);
        await RowWithdrawal.RunAsync(table, [index], () => batch.SubmitAsync(cancellationToken));
    }

    public async Task<OAuthClientRecord?> GetAsync(string scope, string clientId, CancellationToken cancellationToken)
    {
        var row = await table.Client.GetEntityIfExistsAsync<OAuthClientEntity>(scope, StateTable.RowKey(OAuthClientEntity.Kind, clientId), cancellationToken: cancellationToken);
        return row.HasValue ? OAuthClientRows.ToRecord(row.Value!) : null;
    }

    public Task<Core.Api.Page<OAuthClientRecord>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<OAuthClientEntity, OAuthClientRecord>(table.Client, scope, OAuthClientEntity.Kind, page, OAuthClientRows.ToRecord, cancellationToken);

    public async Task RevokeAsync(OAuthClientRecord client, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var index = OAuthClientRows.ToIndexEntity(client);
        await table.Client.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        clients.Forget(client.ClientId);
        var objectRow = OAuthClientRows.ToObjectEntity(client);
        objectRow.ETag = ETag.All;
        var batch = batches.For(client.Scope).Delete(objectRow);
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public Task<OAuthClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        clients.FindAsync(clientId, token => ReadAsync(clientId, token), cancellationToken);

    private async Task<OAuthClientRecord?> ReadAsync(string clientId, CancellationToken cancellationToken)
    {
        var row = await table.Client.GetEntityIfExistsAsync<OAuthClientEntity>(
            OAuthClientRows.IndexPartition(clientId), StateTable.RowKey(OAuthClientEntity.Kind, clientId), cancellationToken: cancellationToken);
        return row.HasValue ? OAuthClientRows.ToRecord(row.Value!) : null;
    }
}
