using System.Collections.Concurrent;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.OAuth;

/// <summary>The OAuth pieces on one fake clock, over a secret store kept in memory and a client directory the test fills.</summary>
public sealed class OAuthKit
{
    public const string Issuer = "https://ef.example/api";

    public OAuthKit()
    {
        Keys = new SigningKeys(Secrets, Options, Clock, NullLogger<SigningKeys>.Instance);
        Tokens = new AccessTokens(Keys, Options, Clock);
        Authentication = new AccessTokenAuthentication(Tokens, Directory.Object);
        Directory.Setup(directory => directory.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => Clients.GetValueOrDefault(id));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    public MemorySecretStore Secrets { get; } = new();
    public IOptions<OAuthOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new OAuthOptions { Issuer = Issuer });
    public Mock<IOAuthClientDirectory> Directory { get; } = new();
    public ConcurrentDictionary<string, OAuthClientRecord> Clients { get; } = new();
    public SigningKeys Keys { get; }
    public AccessTokens Tokens { get; }
    public AccessTokenAuthentication Authentication { get; }

    public static OAuthClientRecord Client(string secret = "cs_test_secret", string? thumbprint = null, params string[] scopes) => new(
        "cli_0000000000aaaaaaaaaaaaaaaa", "mer_1", Mode.Test, OAuthClientSecret.Hash(secret), "Partner",
        scopes.Length == 0 ? ["payments:read"] : scopes, thumbprint, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task<OAuthClientRecord> RegisteredAsync(OAuthClientRecord client)
    {
        await Keys.EnsureAsync(CancellationToken.None);
        Clients[client.ClientId] = client;
        return client;
    }
}

/// <summary>An <see cref="ISecretStore"/> in memory: versions numbered in order of writing.</summary>
public sealed class MemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, List<SecretValue>> secrets = new();

    public Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(secrets.TryGetValue(name, out var versions) ? versions[^1] : null);

    public Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        Task.FromResult(secrets.TryGetValue(name, out var versions) ? versions.FirstOrDefault(value => value.Version == version) : null);

    public Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken)
    {
        var versions = secrets.GetOrAdd(name, _ => []);
        var stored = new SecretValue(name, $"v{versions.Count + 1}", value);
        versions.Add(stored);
        return Task.FromResult(stored);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        secrets.TryRemove(name, out _);
        return Task.FromResult(0);
    }
}

/// <summary>For tests of API keys: token authentication that knows no client.</summary>
public static class AccessTokenAuthenticationFor
{
    public static AccessTokenAuthentication Nothing(ISecretStore secrets, TimeProvider clock)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new OAuthOptions());
        return new AccessTokenAuthentication(
            new AccessTokens(new SigningKeys(secrets, options, clock, NullLogger<SigningKeys>.Instance), options, clock),
            new Mock<IOAuthClientDirectory>().Object);
    }
}
