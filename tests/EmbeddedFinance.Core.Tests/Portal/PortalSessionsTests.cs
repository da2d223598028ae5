using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Portal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Portal;

public sealed class PortalSessionsTests
{
    private const string Token = "pst_test_0123456789abcdefghijklmnopqrstuv";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly Mock<IPortalSessionStore> store = new();
    private readonly PortalSessions sessions;

    public PortalSessionsTests() => sessions = new(store.Object, Options.Create(new PortalOptions()), clock);

    private PortalLink Link(bool used = false, TimeSpan? expiresIn = null) =>
        new(ApiKeyHash.Of(Token), "ps_1", "mer_1", Mode.Test, Embedded: false, clock.GetUtcNow() + (expiresIn ?? TimeSpan.FromMinutes(15)), used, "W/\"1\"");

    [Fact]
    public async Task A_fresh_link_is_exchanged_for_a_cookie_whose_digest_alone_is_stored_with_the_sign_in_lifetime()
    {
        store.Setup(s => s.FindLinkAsync(ApiKeyHash.Of(Token), It.IsAny<CancellationToken>())).ReturnsAsync(Link());
        PortalSignIn? stored = null;
        store.Setup(s => s.TryExchangeAsync(It.IsAny<PortalLink>(), It.IsAny<PortalSignIn>(), It.IsAny<CancellationToken>()))
            .Callback<PortalLink, PortalSignIn, CancellationToken>((_, signIn, _) => stored = signIn).ReturnsAsync(true);

        var outcome = Assert.IsType<PortalSignInOutcome.SignedIn>(await sessions.SignInAsync(Token, CancellationToken.None));

        Assert.Equal(ApiKeyHash.Of(outcome.Cookie), stored!.CookieHash);
        Assert.NotEqual(outcome.Cookie, stored.CookieHash);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(1), stored.ExpiresAt);
        Assert.Equal("mer_1:test", stored.Scope);
    }

    [Fact]
    public async Task A_used_an_expired_a_lost_race_and_an_unknown_link_never_sign_in()
    {
        store.Setup(s => s.FindLinkAsync(ApiKeyHash.Of(Token), It.IsAny<CancellationToken>())).ReturnsAsync(Link(used: true));
        Assert.IsType<PortalSignInOutcome.AlreadyUsed>(await sessions.SignInAsync(Token, CancellationToken.None));

        store.Setup(s => s.FindLinkAsync(ApiKeyHash.Of(Token), It.IsAny<CancellationToken>())).ReturnsAsync(Link(expiresIn: TimeSpan.Zero));
        Assert.IsType<PortalSignInOutcome.Expired>(await sessions.SignInAsync(Token, CancellationToken.None));
        store.Verify(s => s.TryExchangeAsync(It.IsAny<PortalLink>(), It.IsAny<PortalSignIn>(), It.IsAny<CancellationToken>()), Times.Never);

        store.Setup(s => s.FindLinkAsync(ApiKeyHash.Of(Token), It.IsAny<CancellationToken>())).ReturnsAsync(Link());
        store.Setup(s => s.TryExchangeAsync(It.IsAny<PortalLink>(), It.IsAny<PortalSignIn>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        Assert.IsType<PortalSignInOutcome.AlreadyUsed>(await sessions.SignInAsync(Token, CancellationToken.None));

        Assert.IsType<PortalSignInOutcome.Unknown>(await sessions.SignInAsync("sk_test_not_a_link", CancellationToken.None));
        Assert.IsType<PortalSignInOutcome.Unknown>(await sessions.SignInAsync(null, CancellationToken.None));
        store.Verify(s => s.FindLinkAsync(It.Is<string>(hash => hash != ApiKeyHash.Of(Token)), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_sign_in_stops_authenticating_when_it_expires()
    {
        var signIn = new PortalSignIn(ApiKeyHash.Of("psc_x"), "ps_1", "mer_1", Mode.Test, false, clock.GetUtcNow().AddMinutes(1), "csrf_x");
        store.Setup(s => s.FindSignInAsync(ApiKeyHash.Of("psc_x"), It.IsAny<CancellationToken>())).ReturnsAsync(signIn);

        Assert.NotNull(await sessions.FindAsync("psc_x", CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await sessions.FindAsync("psc_x", CancellationToken.None));
    }

    [Fact]
    public void The_dashboard_reads_everything_and_writes_only_webhooks_and_an_embedded_session_reaches_only_webhooks()
    {
        var dashboard = PortalAccess.CallerOf(new PortalSignIn("h", "ps_1", "mer_1", Mode.Live, false, clock.GetUtcNow(), "c"));
        var embedded = PortalAccess.CallerOf(new PortalSignIn("h", "ps_2", "mer_1", Mode.Live, true, clock.GetUtcNow(), "c"));

        Assert.Equal(("ps_1", ApiKeyKind.Restricted, "mer_1:live"), (dashboard.KeyId, dashboard.Kind, dashboard.Scope));
        Assert.All(ApiResources.All, resource => Assert.True(dashboard.Permissions.Grants(Permission.Read(resource))));
        Assert.Equal([ApiResources.WebhookEndpoints, ApiResources.Events], ApiResources.All.Where(resource => dashboard.Permissions.Grants(Permission.Write(resource))));
        Assert.Equal([ApiResources.WebhookEndpoints, ApiResources.Events], ApiResources.All.Where(resource => embedded.Permissions.Grants(Permission.Read(resource))));
        Assert.NotNull(AccessPolicy.SecretKeyOnly.Check(dashboard));
    }
}
