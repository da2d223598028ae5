using System.Security.Cryptography;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace EmbeddedFinance.Core.Tests.Secrets;

/// <summary>Outside development the admin key must be hard to guess; start-up refuses one that is not, naming the secret, never the key.</summary>
public sealed class AdminKeyStrengthTests
{
    private readonly Mock<ISecretStore> secrets = new();

    [Theory]
    [InlineData(24, "hex")]
    [InlineData(16, "hex")]
    [InlineData(24, "base64url")]
    public void Random_keys_of_at_least_32_characters_are_strong_enough(int bytes, string encoding)
    {
        for (var i = 0; i < 1_000; i++)
        {
            var random = RandomNumberGenerator.GetBytes(bytes);
            var body = encoding == "hex" ? Convert.ToHexStringLower(random) : Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.Null(AdminKeyStrength.Weakness(AdminKeyProvider.Prefix + body));
        }
    }

    [Theory]
    [InlineData("sk_admin_local_dev", "at least 32 characters")]
    [InlineData("sk_admin_0b1f5c2e9a7d4f8b6c3e1a0d9f7b5c3", "at least 32 characters")]
    [InlineData("sk_admin_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "different characters")]
    [InlineData("sk_admin_abababababcdcdcdcdcdababababcdcdcdcdcd", "different characters")]
    [InlineData("sk_admin_0123456789012345678901234567890123456789", "repeats")]
    [InlineData("sk_admin_k3y-Zq9!k3y-Zq9!k3y-Zq9!k3y-Zq9!k3y-Zq9!", "repeats")]
    [InlineData("sk_admin_abcdefghijklmnopqrstuvwxyz0123456789", "in sequence")]
    [InlineData("sk_admin_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1234567b", "in sequence")]
    [InlineData("sk_admin_amamamamamamamamamamamamamamamxbkqwz", "unevenly")]
    public void Short_repetitive_or_sequential_keys_are_weak(string key, string because)
    {
        var weakness = AdminKeyStrength.Weakness(key);

        Assert.NotNull(weakness);
        Assert.Contains(because, weakness, StringComparison.Ordinal);
        Assert.DoesNotContain(key[AdminKeyProvider.Prefix.Length..], weakness, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_outside_development_refuses_a_weak_admin_key_naming_the_secret_and_never_the_key()
    {
        const string weak = "sk_admin_production_value";
        AdminKeyIs(weak);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Required(development: false).EnsureAsync(CancellationToken.None));

        Assert.Contains(SecretNames.AdminApiKey, refused.Message, StringComparison.Ordinal);
        Assert.Contains("too weak", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("production_value", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_outside_development_accepts_a_random_admin_key()
    {
        AdminKeyIs(AdminKeyProvider.Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));

        await Required(development: false).EnsureAsync(CancellationToken.None);
    }

    [Fact]
    public async Task In_development_a_short_admin_key_is_allowed()
    {
        AdminKeyIs("sk_admin_real_one");

        await Required(development: true).EnsureAsync(CancellationToken.None);
    }

    private void AdminKeyIs(string key)
    {
        secrets.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string name, CancellationToken _) => new SecretValue(name, "v1", DataKeys.Generate()));
        secrets.Setup(s => s.GetAsync(SecretNames.AdminApiKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SecretValue(SecretNames.AdminApiKey, "v1", new Sensitive(key)));
    }

    private RequiredSecrets Required(bool development)
    {
        var options = Options.Create(new PlatformOptions { IsDevelopment = development });
        return new RequiredSecrets(secrets.Object, new AdminKeyProvider(secrets.Object, options),
            new SigningKeys(secrets.Object, Options.Create(new OAuthOptions()), TimeProvider.System, NullLogger<SigningKeys>.Instance), options, NullLogger<RequiredSecrets>.Instance);
    }
}
