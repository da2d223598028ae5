using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Portal;

/// <summary>
/// Portal sessions: a merchant's secret key makes a single-use sign-in URL; opening it exchanges it, once, for a cookie
/// that authenticates the portal's own calls to the API as a <see cref="PortalAccess"/> caller. Only digests of the
/// URL's token and of the cookie are stored.
/// </summary>
public sealed class PortalSessions(IPortalSessionStore store, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const string SignInPath = "portal/sign-in";

    public async Task<Result<StoredResponse>> CreateAsync(Caller.Merchant caller, CreatePortalSessionCommand command, string requestOrigin, CancellationToken cancellationToken)
    {
        var token = IssuedApiKey.NewSecret("pst_", caller.Mode);
        var id = PrefixedId.New("ps", clock);
        var expiresAt = clock.GetUtcNow() + command.ExpiresIn;
        await store.CreateAsync(new PortalLink(ApiKeyHash.Of(token), id, caller.MerchantId, caller.Mode, command.Embedded, expiresAt, Used: false, Version: null), cancellationToken);
        var publicBase = options.Value.PublicUrl.Length > 0 ? options.Value.PublicUrl.TrimEnd('/') : requestOrigin + "/api";
        return StoredResponse.Of(201, new PortalSessionView(id, "portal_session", $"{publicBase}/{SignInPath}?token={Uri.EscapeDataString(token)}",
            expiresAt.ToUnixTimeSeconds(), command.Embedded, caller.Mode == Mode.Live));
    }

    /// <summary>Exchanges a URL's token for a sign-in (and the cookie's value, shown only here), or says why not.</summary>
    public async Task<PortalSignInOutcome> SignInAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128 || !token.StartsWith("pst_", StringComparison.Ordinal)) return new PortalSignInOutcome.Unknown();
        var link = await store.FindLinkAsync(ApiKeyHash.Of(token), cancellationToken);
        if (link is null) return new PortalSignInOutcome.Unknown();
        if (link.Used) return new PortalSignInOutcome.AlreadyUsed(link);
        var now = clock.GetUtcNow();
        if (now >= link.ExpiresAt) return new PortalSignInOutcome.Expired(link);

        var cookie = IssuedApiKey.NewSecret("psc_", link.Mode);
        var csrf = IssuedApiKey.NewSecret("csrf_", link.Mode);
        var signIn = new PortalSignIn(ApiKeyHash.Of(cookie), link.SessionId, link.MerchantId, link.Mode, link.Embedded, now + options.Value.SignedInFor, csrf);
        // Two browsers opening one URL at once: the link's concurrency token lets exactly one exchange commit.
        return await store.TryExchangeAsync(link, signIn, cancellationToken)
            ? new PortalSignInOutcome.SignedIn(signIn, cookie)
            : new PortalSignInOutcome.AlreadyUsed(link);
    }

    /// <summary>The signed-in session a cookie's value stands for, or null when it is unknown or has expired.</summary>
    public async Task<PortalSignIn?> FindAsync(string cookie, CancellationToken cancellationToken)
    {
        if (cookie.Length is 0 or > 128) return null;
        var signIn = await store.FindSignInAsync(ApiKeyHash.Of(cookie), cancellationToken);
        return signIn is null || clock.GetUtcNow() >= signIn.ExpiresAt ? null : signIn;
    }
}

public abstract record PortalSignInOutcome
{
    public sealed record SignedIn(PortalSignIn Session, string Cookie) : PortalSignInOutcome;

    public sealed record Expired(PortalLink Link) : PortalSignInOutcome;

    public sealed record AlreadyUsed(PortalLink Link) : PortalSignInOutcome;

    public sealed record Unknown : PortalSignInOutcome;
}
