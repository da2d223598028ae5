using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Access;

/// <summary>Turns an <c>Authorization: Bearer</c> header into a <see cref="Caller"/>, or a 401.</summary>
public sealed class Authenticator(IApiKeyDirectory directory, AdminKeyProvider adminKey, TimeProvider clock)
{
    private const string Scheme = "Bearer ";

    public async Task<Result<Caller>> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
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
        if (presented.Length is 0 or > 256)
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
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(ApiKeyHash.Of(admin.Reveal())),
            Encoding.ASCII.GetBytes(presentedHash));
    }
}
