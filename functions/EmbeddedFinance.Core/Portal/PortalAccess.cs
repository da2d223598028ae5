using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Core.Portal;

/// <summary>
/// What a signed-in portal may do through the API: it is a caller like a restricted key, so every page's call meets the
/// same routes and permission checks as an integration's. The dashboard reads everything and manages webhooks; an
/// embedded (webhook-only) session sees webhook endpoints and events and nothing else.
/// </summary>
public static class PortalAccess
{
    public static KeyPermissions Dashboard { get; } = new(ApiResources.All.Select(resource =>
        KeyValuePair.Create(resource, resource is ApiResources.WebhookEndpoints or ApiResources.Events ? AccessLevel.Write : AccessLevel.Read)));

    public static KeyPermissions Embedded { get; } = new([
        KeyValuePair.Create(ApiResources.WebhookEndpoints, AccessLevel.Write),
        KeyValuePair.Create(ApiResources.Events, AccessLevel.Write),
    ]);

    public static Caller.Merchant CallerOf(PortalSignIn signIn) => new(signIn.MerchantId, signIn.SessionId, ApiKeyKind.Restricted, signIn.Mode)
    {
        Permissions = signIn.Embedded ? Embedded : Dashboard,
    };
}
