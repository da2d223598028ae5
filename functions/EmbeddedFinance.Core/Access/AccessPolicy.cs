using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Access;

/// <summary>
/// Which callers a route admits; anything else authenticated gets 403. Every policy comes from a factory below, so
/// a route cannot admit merchant keys without saying what a restricted key needs (<see cref="Permission"/>) or
/// that restricted keys may not call it at all.
/// </summary>
public sealed record AccessPolicy
{
    private AccessPolicy(string declaration, bool anonymous, bool admin, bool secretKey, bool publishableKey, Permission? permission, string? restrictedRefusal)
    {
        Declaration = declaration;
        Anonymous = anonymous;
        Admin = admin;
        SecretKey = secretKey;
        PublishableKey = publishableKey;
        Permission = permission;
        RestrictedRefusal = restrictedRefusal;
    }

    /// <summary>What the route needs, as people say it: <c>public</c>, <c>admin</c>, <c>payments:write</c>, …</summary>
    public string Declaration { get; }

    public bool Anonymous { get; }

    public bool Admin { get; }

    public bool SecretKey { get; }

    public bool PublishableKey { get; }

    /// <summary>What a restricted key needs to call the route; null when restricted keys may not call it.</summary>
    public Permission? Permission { get; }

    /// <summary>Why a restricted key is refused when <see cref="Permission"/> is null.</summary>
    private string? RestrictedRefusal { get; }

    public static AccessPolicy Public { get; } = new("public", true, false, false, false, null, null);

    /// <summary>Public, but a key that is sent is checked (any kind): the route shows some callers more (health's details, for the admin).</summary>
    public static AccessPolicy PublicCheckingKeys { get; } = new("public (a key sent is checked)", true, true, true, true, null, null);

    public static AccessPolicy AdminOnly { get; } = new("admin", false, true, false, false, null, null);

    /// <summary>The admin, or a merchant's secret key on the merchant itself; no resource of a restricted key covers it.</summary>
    public static AccessPolicy AdminOrSecretKey { get; } = new("admin or secret key", false, true, true, false, null,
        "A restricted key cannot call this route; use a secret key.");

    /// <summary>Only a merchant's secret key: managing the merchant's keys, which no restricted key may do.</summary>
    public static AccessPolicy KeyManagement { get; } = new("secret key (key management)", false, false, true, false, null,
        "A restricted key cannot manage API keys; use a secret key.");

    /// <summary>Only a merchant's secret key: acting as the whole merchant (opening a portal session), which no restricted key or portal session may do.</summary>
    public static AccessPolicy SecretKeyOnly { get; } = new("secret key", false, false, true, false, null,
        "A restricted key cannot call this route; use a secret key.");

    /// <summary>A merchant's secret key, or a restricted key holding <paramref name="permission"/>.</summary>
    public static AccessPolicy Needs(Permission permission) => new(permission.ToString(), false, false, true, false, permission, null);

    /// <summary>As <see cref="Needs"/>, and publishable keys too (tokenization from a browser or app).</summary>
    public static AccessPolicy NeedsOrPublishable(Permission permission) => new(permission + " or publishable key", false, false, true, true, permission, null);

    public ApiError? Check(Caller caller) => caller switch
    {
        Caller.Admin when Admin => null,
        Caller.Admin => Errors.Forbidden("The admin key cannot call this route; use a merchant's secret key."),
        Caller.Merchant { Kind: ApiKeyKind.Secret } when SecretKey => null,
        Caller.Merchant { Kind: ApiKeyKind.Publishable } when PublishableKey => null,
        Caller.Merchant { Kind: ApiKeyKind.Publishable } => Errors.Forbidden("A publishable key may only create tokens; use a secret key."),
        Caller.Merchant { Kind: ApiKeyKind.Restricted } when Anonymous => null,
        Caller.Merchant { Kind: ApiKeyKind.Restricted } restricted => CheckRestricted(restricted),
        _ => Errors.Forbidden("This key does not have the right to call this route."),
    };

    private ApiError? CheckRestricted(Caller.Merchant restricted)
    {
        if (Permission is null) return Errors.Forbidden(RestrictedRefusal ?? "A restricted key cannot call this route; use a secret key.");
        return restricted.Permissions.Grants(Permission) ? null : Errors.Forbidden($"This key lacks {Permission}.");
    }
}
