using System.Net;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Portal;

namespace EmbeddedFinance.Azure.Portal;

/// <summary>
/// Links and sign-ins share one partition, <c>portal</c>, so that marking a link used and storing its sign-in are one
/// entity-group transaction guarded by the link's ETag: of two exchanges of one link, exactly one commits. Every look-up
/// is a point read by digest. The partition sees a person's sign-in, not every API call's traffic beyond one read.
/// </summary>
public sealed class TablePortalSessionStore(StateTable table) : IPortalSessionStore
{
    public const string Partition = "portal";

    public Task CreateAsync(PortalLink link, CancellationToken cancellationToken) =>
        table.Client.AddEntityAsync(new PortalLinkEntity
        {
            PartitionKey = Partition,
            RowKey = StateTable.RowKey(PortalLinkEntity.Kind, link.TokenHash),
            SessionId = link.SessionId,
            MerchantId = link.MerchantId,
            Mode = link.Mode.ToString(),
            Embedded = link.Embedded,
            ExpiresAt = link.ExpiresAt,
            Used = link.Used,
        }, cancellationToken);

    public async Task<PortalLink?> FindLinkAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await table.Client.GetEntityIfExistsAsync<PortalLinkEntity>(Partition, StateTable.RowKey(PortalLinkEntity.Kind, tokenHash), cancellationToken: cancellationToken);
        if (!row.HasValue) return null;
        var entity = row.Value!;
        return new PortalLink(tokenHash, entity.SessionId, entity.MerchantId, Enum.Parse<Mode>(entity.Mode), entity.Embedded, entity.ExpiresAt, entity.Used, entity.ETag.ToString());
    }

    public async Task<bool> TryExchangeAsync(PortalLink link, PortalSignIn signIn, CancellationToken cancellationToken)
    {
        var used = new PortalLinkEntity
        {
            PartitionKey = Partition,
            RowKey = StateTable.RowKey(PortalLinkEntity.Kind, link.TokenHash),
            SessionId = link.SessionId,
            MerchantId = link.MerchantId,
            Mode = link.Mode.ToString(),
            Embedded = link.Embedded,
            ExpiresAt = link.ExpiresAt,
            Used = true,
        };
        var session = new PortalSignInEntity
        {
            PartitionKey = Partition,
            RowKey = StateTable.RowKey(PortalSignInEntity.Kind, signIn.CookieHash),
            SessionId = signIn.SessionId,
            MerchantId = signIn.MerchantId,
            Mode = signIn.Mode.ToString(),
            Embedded = signIn.Embedded,
            ExpiresAt = signIn.ExpiresAt,
            CsrfToken = signIn.CsrfToken,
        };
        try
        {
            await table.Client.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, used, new ETag(link.Version ?? throw new ArgumentException("The link was not read from the store.", nameof(link)))),
                new TableTransactionAction(TableTransactionActionType.Add, session),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException lost) when (lost.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    public async Task<PortalSignIn?> FindSignInAsync(string cookieHash, CancellationToken cancellationToken)
    {
        var row = await table.Client.GetEntityIfExistsAsync<PortalSignInEntity>(Partition, StateTable.RowKey(PortalSignInEntity.Kind, cookieHash), cancellationToken: cancellationToken);
        if (!row.HasValue) return null;
        var entity = row.Value!;
        return new PortalSignIn(cookieHash, entity.SessionId, entity.MerchantId, Enum.Parse<Mode>(entity.Mode), entity.Embedded, entity.ExpiresAt, entity.CsrfToken);
    }
}
