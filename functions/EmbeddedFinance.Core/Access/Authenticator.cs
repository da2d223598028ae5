using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Access;

/// <summary>Turns an <c>Authorization: Bearer</c> header (an API key or an OAuth access token) into a <see cref="Caller"/>, or a 401.</summary>
public sealed class Authenticator(IApiKeyDirectory directory, AdminKeyProvider adminKey, AccessTokenAuthentication accessTokens, TimeProvider clock)
{
    private const string Scheme = "Bearer ";
    private const int MaxKeyLength = 256;
    private const int MaxTokenLength = 4_096;

    public Task<Result<Caller>> AuthenticateAsync(string? authorization, CancellationToken cancellationToken) =>
        AuthenticateAsync(authorization, certificateThumbprint: null, cancellationToken);

    /// <param name="certificateThumbprint">The <c>x5t#S256</c> of the request's client certificate, if any: certificate-bound tokens need it.</param>
    public async Task<Result<Caller>> AuthenticateAsync(string? authorization, string? certificateThumbprint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Errors.Unauthenticated("No API key was provided. Send it as 'Authorization: Bearer <key>'.");
        }
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Errors.Unauthenticated("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <key>'.");
        }
        var presented = authorization[Scheme.Length..].Trim();
        if (presented.Length <= MaxTokenLength && AccessTokenAuthentication.LooksLikeToken(presented))
        {
            return await accessTokens.AuthenticateAsync(presented, certificateThumbprint, cancellationToken);
        }
        if (presented.Length is 0 or > MaxKeyLength)
        {
            return Errors.Unauthenticated("The API key provided is not valid.");
        }

        var hash = ApiKeyHash.Of(presented);
        // Only an admin-shaped key consults the admin secret, so a Key Vault hiccup never locks merchants out.
        if (presented.StartsWith(AdminKeyProvider.Prefix, StringComparison.Ordinal))
        {
            return await IsAdminKeyAsync(hash, cancellationToken) ? new Caller.Admin() : Errors.Unauthenticated("The API key provided is not valid.");
        }

        var record = await directory.FindByHashAsync(hash, cancellationToken);
        if (record is null) return Errors.Unauthenticated("The API key provided is not valid.");
        if (record.IsExpired(clock.GetUtcNow())) return Errors.Unauthenticated("The API key provided has expired.");
        return new Caller.Merchant(record.MerchantId, record.KeyId, record.Kind, record.Mode)
        {
            Permissions = record.Kind == ApiKeyKind.Restricted ? record.Permissions ?? KeyPermissions.None : KeyPermissions.None,
        };
    }

    private async Task<bool> IsAdminKeyAsync(string presentedHash, CancellationToken cancellationToken)
    {
        var admin = await adminKey.GetAsync(cancellationToken);
        // Comparing fixed-length hashes in constant time keeps timing from revealing a prefix of the admin key.
        return ConstantTime.AreEqual(ApiKeyHash.Of(admin.Reveal()), presentedHash);
    }
}
