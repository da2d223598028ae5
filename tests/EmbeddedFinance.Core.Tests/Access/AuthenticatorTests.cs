using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Tests.OAuth;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Access;

public sealed class AuthenticatorTests
{
    private const string MerchantKey = "sk_test_0123456789abcdefghijklmnopqrstuv";
    private readonly Mock<IApiKeyDirectory> directory = new();
    private readonly Mock<ISecretStore> secrets = new();

    private Authenticator Create(bool development = true) =>
        new(directory.Object, new AdminKeyProvider(secrets.Object, Options.Create(new PlatformOptions { IsDevelopment = development })), AccessTokenAuthenticationFor.Nothing(secrets.Object, clock), clock);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_stored_key_becomes_its_merchant_caller()
    {
        directory.Setup(d => d.FindByHashAsync(ApiKeyHash.Of(MerchantKey), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApiKeyRecord("key_1", "mer_1", ApiKeyKind.Secret, Mode.Test, ApiKeyHash.Of(MerchantKey), DateTimeOffset.UtcNow));

        var result = await Create().AuthenticateAsync("Bearer " + MerchantKey, CancellationToken.None);

        var caller = Assert.IsType<Caller.Merchant>(result.Value);
        Assert.Equal("mer_1", caller.MerchantId);
        Assert.Equal("key_1", caller.KeyId);
        Assert.Equal("mer_1:test", caller.Scope);
    }

    [Fact]
    public async Task The_directory_is_asked_for_the_hash_never_the_key()
    {
        await Create().AuthenticateAsync("Bearer " + MerchantKey, CancellationToken.None);

        directory.Verify(d => d.FindByHashAsync(It.Is<string>(hash => hash != MerchantKey && hash.Length == 43), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task The_development_admin_key_works_in_development_and_is_refused_where_a_real_one_is_set()
    {
        var inDevelopment = await Create(development: true).AuthenticateAsync("Bearer " + AdminKeyProvider.DevelopmentDefault, CancellationToken.None);
        Assert.IsType<Caller.Admin>(inDevelopment.Value);

        secrets.Setup(s => s.GetAsync(SecretNames.AdminApiKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SecretValue(SecretNames.AdminApiKey, "v1", new Sensitive("sk_admin_production_value")));
        var inProduction = await Create(development: false).AuthenticateAsync("Bearer " + AdminKeyProvider.DevelopmentDefault, CancellationToken.None);
        Assert.Equal("unauthenticated", inProduction.Error!.Code);
    }

    [Fact]
    public async Task Merchant_keys_authenticate_even_when_the_admin_secret_cannot_be_read()
    {
        secrets.Setup(s => s.GetAsync(SecretNames.AdminApiKey, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("Key Vault unreachable"));
        directory.Setup(d => d.FindByHashAsync(ApiKeyHash.Of(MerchantKey), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApiKeyRecord("key_1", "mer_1", ApiKeyKind.Secret, Mode.Test, ApiKeyHash.Of(MerchantKey), DateTimeOffset.UtcNow));

        var result = await Create(development: false).AuthenticateAsync("Bearer " + MerchantKey, CancellationToken.None);

        Assert.IsType<Caller.Merchant>(result.Value);
    }

    [Fact]
    public async Task An_admin_key_from_the_secret_store_replaces_the_development_default()
    {
        secrets.Setup(s => s.GetAsync(SecretNames.AdminApiKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SecretValue(SecretNames.AdminApiKey, "v1", new Sensitive("sk_admin_real_one")));

        Assert.IsType<Caller.Admin>((await Create().AuthenticateAsync("Bearer sk_admin_real_one", CancellationToken.None)).Value);
        Assert.Equal("unauthenticated", (await Create().AuthenticateAsync("Bearer " + AdminKeyProvider.DevelopmentDefault, CancellationToken.None)).Error!.Code);
    }

    [Fact]
    public async Task Start_up_refuses_the_development_admin_key_outside_development()
    {
        secrets.Setup(s => s.GetAsync(SecretNames.AdminApiKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SecretValue(SecretNames.AdminApiKey, "v1", new Sensitive(AdminKeyProvider.DevelopmentDefault)));
        var provider = new AdminKeyProvider(secrets.Object, Options.Create(new PlatformOptions { IsDevelopment = false }));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.EnsureUsableAsync(CancellationToken.None));
        Assert.Contains(SecretNames.AdminApiKey, refused.Message);
        Assert.DoesNotContain(AdminKeyProvider.DevelopmentDefault, refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic abc")]
    [InlineData("Bearer ")]
    [InlineData("Bearer sk_test_unknown")]
    public async Task Anything_else_is_unauthenticated(string? header)
    {
        var result = await Create().AuthenticateAsync(header, CancellationToken.None);

        Assert.Equal(401, result.Error!.Status);
        Assert.Equal("unauthenticated", result.Error.Code);
    }

    [Theory]
    [InlineData("admin", "AdminOnly", null)]
    [InlineData("secret", "AdminOnly", "forbidden")]
    [InlineData("publishable", "AdminOrSecretKey", "forbidden")]
    [InlineData("secret", "AdminOrSecretKey", null)]
    [InlineData("admin", "KeyManagement", "forbidden")]
    [InlineData("publishable", "KeyManagement", "forbidden")]
    [InlineData("secret", "KeyManagement", null)]
    [InlineData("publishable", "Tokenization", null)]
    [InlineData("admin", "Tokenization", "forbidden")]
    [InlineData("secret", "Tokenization", null)]
    public void Access_policies_admit_exactly_their_callers(string who, string policy, string? expected)
    {
        Caller caller = who switch
        {
            "admin" => new Caller.Admin(),
            "secret" => new Caller.Merchant("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test),
            _ => new Caller.Merchant("mer_1", "key_2", ApiKeyKind.Publishable, Mode.Test),
        };
        var access = policy == "Tokenization"
            ? AccessPolicy.NeedsOrPublishable(Permission.Write(ApiResources.Tokens))
            : (AccessPolicy)typeof(AccessPolicy).GetProperty(policy)!.GetValue(null)!;

        Assert.Equal(expected, access.Check(caller)?.Code);
    }

    [Fact]
    public async Task An_expired_key_is_401_and_a_restricted_key_carries_its_permissions()
    {
        var permissions = new KeyPermissions([KeyValuePair.Create(ApiResources.Payments, AccessLevel.Read)]);
        directory.Setup(d => d.FindByHashAsync(ApiKeyHash.Of(MerchantKey), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApiKeyRecord("key_1", "mer_1", ApiKeyKind.Restricted, Mode.Test, ApiKeyHash.Of(MerchantKey), clock.GetUtcNow(),
                "Partner", permissions, ExpiresAt: clock.GetUtcNow().AddSeconds(2)));

        var before = await Create().AuthenticateAsync("Bearer " + MerchantKey, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var after = await Create().AuthenticateAsync("Bearer " + MerchantKey, CancellationToken.None);

        Assert.Same(permissions, Assert.IsType<Caller.Merchant>(before.Value).Permissions);
        Assert.Equal("unauthenticated", after.Error!.Code);
    }

    [Fact]
    public void Test_and_live_data_of_one_merchant_are_different_scopes() =>
        Assert.NotEqual(MerchantScope.Of("mer_1", Mode.Test), MerchantScope.Of("mer_1", Mode.Live));
}
