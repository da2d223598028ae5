using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// The token endpoint's use case (RFC 6749 §4.4): authenticates the client, checks the scopes asked for against its
/// rights and, for a client registered with a certificate, that the connection presents that certificate (RFC 8705);
/// then signs a token. Every decision about a known client lands in its merchant's audit trail under the client id.
/// </summary>
public sealed class IssueAccessToken(IOAuthClientDirectory clients, AccessTokens tokens, AuditTrail audit, ILogger<IssueAccessToken> logger)
{
    public const string AuditAction = "oauth.token";

    /// <param name="certificateThumbprint">The <c>x5t#S256</c> of the connection's client certificate, if any.</param>
    /// <returns>The response, and whether the client failed to authenticate (the caller counts it against the client's address).</returns>
    public async Task<(StoredResponse Response, bool ClientRefused)> IssueAsync(
        ClientCredentialsRequest request, string? certificateThumbprint, string requestId, CancellationToken cancellationToken)
    {
        var client = PrefixedId.IsWellFormed(request.ClientId, "cli") ? await clients.FindAsync(request.ClientId, cancellationToken) : null;
        if (client is null || !SecretMatches(client, request))
        {
            logger.LogWarning("Token request refused: client authentication failed for {ClientId}, request {RequestId}",
                client?.ClientId ?? "an unknown client", requestId);
            if (client is not null) await RecordAsync(client, 401, "invalid_client", requestId);
            return (TokenError.InvalidClient("Client authentication failed.").ToResponse(), true);
        }
        if (client.CertificateThumbprint is { } bound && !ConstantTime.AreEqual(bound, certificateThumbprint))
        {
            logger.LogWarning("Token request refused: client {ClientId} is bound to a certificate the connection did not present, request {RequestId}", client.ClientId, requestId);
            await RecordAsync(client, 401, "invalid_client", requestId);
            return (TokenError.InvalidClient("This client must connect over TLS presenting its registered client certificate.").ToResponse(), true);
        }

        var granted = client.Permissions;
        var scopes = request.Scopes ?? client.Scopes;
        var beyond = scopes.Where(scope => OAuthScopes.TryParse(scope, out var permission) && !granted.Grants(permission)).ToList();
        if (beyond.Count > 0)
        {
            await RecordAsync(client, 400, "invalid_scope", requestId);
            return (TokenError.InvalidScope($"The client was not given {string.Join(", ", beyond)}; it may ask for {OAuthScopes.Join(client.Scopes)} or less.").ToResponse(), false);
        }

        var token = await tokens.IssueAsync(client, scopes, cancellationToken);
        await RecordAsync(client, 200, null, requestId);
        logger.LogInformation("Issued an access token to client {ClientId} of {Scope} for {Scopes}{Binding}, request {RequestId}",
            client.ClientId, client.Scope, OAuthScopes.Join(scopes), client.CertificateThumbprint is null ? "" : " (certificate-bound)", requestId);
        return (StoredResponse.Of(200, new TokenResponse(token, "Bearer", (int)OAuthOptions.TokenLifetime.TotalSeconds, OAuthScopes.Join(scopes))), false);
    }

    private static bool SecretMatches(OAuthClientRecord client, ClientCredentialsRequest request) =>
        ConstantTime.AreEqual(client.SecretHash, OAuthClientSecret.Hash(request.ClientSecret.Reveal()));

    private Task RecordAsync(OAuthClientRecord client, int status, string? errorCode, string requestId) =>
        audit.RecordAsync(client.Scope, client.ClientId, AuditAction, status, errorCode, replayed: false, requestId);
}
