using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.OAuth;

/// <summary>
/// An OAuth client as stored, never its secret, in two rows of one shape: the index row (<c>oauthclient|cli_…</c> in a
/// partition picked by the id's digest, see <see cref="OAuthClientRows"/>) that the token endpoint and token checks read,
/// and the object row (<c>oauthclient|cli_…</c> in the merchant's scope) that the client routes list and revoke.
/// </summary>
public sealed class OAuthClientEntity : ITableEntity
{
    public const string Kind = "oauthclient";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ClientId { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public string Mode { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Space-separated, as a token's <c>scope</c> claim.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>The certificate's <c>x5t#S256</c> (base64url), when the client is bound to one.</summary>
    public string? CertificateThumbprint { get; set; }

    public DateTimeOffset Created { get; set; }
}
