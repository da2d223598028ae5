using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Access;

/// <summary>Which callers a route admits. Anything else authenticated gets 403.</summary>
public sealed record AccessPolicy(bool Anonymous, bool Admin, bool SecretKey, bool PublishableKey)
{
    public static AccessPolicy Public { get; } = new(true, false, false, false);
    public static AccessPolicy AdminOnly { get; } = new(false, true, false, false);
    public static AccessPolicy SecretKeyOnly { get; } = new(false, false, true, false);
    public static AccessPolicy AdminOrSecretKey { get; } = new(false, true, true, false);
    public static AccessPolicy AnyMerchantKey { get; } = new(false, false, true, true);

    public ApiError? Check(Caller caller) => caller switch
    {
        Caller.Admin when Admin => null,
        Caller.Admin => Errors.Forbidden("The admin key cannot call this route; use a merchant's secret key."),
        Caller.Merchant { Kind: ApiKeyKind.Secret } when SecretKey => null,
        Caller.Merchant { Kind: ApiKeyKind.Publishable } when PublishableKey => null,
        Caller.Merchant { Kind: ApiKeyKind.Publishable } => Errors.Forbidden("A publishable key may only create tokens; use a secret key."),
        _ => Errors.Forbidden("This key does not have the right to call this route."),
    };
}
