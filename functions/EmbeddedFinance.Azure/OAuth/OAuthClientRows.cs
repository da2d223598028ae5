using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Azure.OAuth;

/// <summary>
/// Where client rows live. Index rows are spread over 4,096 partitions by the first two characters of the SHA-256 of the
/// client id (base64url), as API key index rows are, so token checks never converge on one hot partition. Object rows
/// sit in the merchant's scope.
/// </summary>
public static class OAuthClientRows
{
    private const string IndexPartitionPrefix = "oauthclients:";

    public static string IndexPartition(string clientId) => IndexPartitionPrefix + Digest.Sha256(clientId)[..2];

    public static OAuthClientEntity ToIndexEntity(OAuthClientRecord client) => Fill(new OAuthClientEntity
    {
        PartitionKey = IndexPartition(client.ClientId),
        RowKey = StateTable.RowKey(OAuthClientEntity.Kind, client.ClientId),
    }, client);

    public static OAuthClientEntity ToObjectEntity(OAuthClientRecord client) => Fill(new OAuthClientEntity
    {
        PartitionKey = client.Scope,
        RowKey = StateTable.RowKey(OAuthClientEntity.Kind, client.ClientId),
    }, client);

    public static OAuthClientRecord ToRecord(OAuthClientEntity entity) => new(
        entity.ClientId,
        entity.MerchantId,
        Enum.Parse<Mode>(entity.Mode),
        entity.SecretHash,
        entity.Name,
        OAuthScopes.Split(entity.Scopes),
        entity.CertificateThumbprint,
        entity.Created);

    private static OAuthClientEntity Fill(OAuthClientEntity entity, OAuthClientRecord client)
    {
        entity.ClientId = client.ClientId;
        entity.MerchantId = client.MerchantId;
        entity.Mode = client.Mode.ToString();
        entity.SecretHash = client.SecretHash;
        entity.Name = client.Name;
        entity.Scopes = OAuthScopes.Join(client.Scopes);
        entity.CertificateThumbprint = client.CertificateThumbprint;
        entity.Created = client.Created;
        return entity;
    }
}
