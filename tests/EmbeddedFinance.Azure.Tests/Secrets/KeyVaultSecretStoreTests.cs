using Azure;
using Azure.Security.KeyVault.Secrets;
using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Azure.Tests.Secrets;

/// <summary>Key Vault has no local emulator: the adapter is tested against the SDK's mockable client.</summary>
public sealed class KeyVaultSecretStoreTests
{
    private readonly Mock<SecretClient> client = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    // As composed in production: the Key Vault adapter behind the caching store.
    private CachingSecretStore Store => new(new KeyVaultSecretStore(client.Object), TimeSpan.FromMinutes(5), clock);

    private static Response<KeyVaultSecret> Secret(string name, string version, string value) =>
        Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name, version: version), value), Mock.Of<Response>());

    [Fact]
    public async Task The_current_version_is_read_once_per_ttl()
    {
        client.SetupSequence(c => c.GetSecretAsync("admin-api-key", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Secret("admin-api-key", "v1", "first"))
            .ReturnsAsync(Secret("admin-api-key", "v2", "second"));
        var store = Store;

        var first = await store.GetAsync("admin-api-key", CancellationToken.None);
        var cached = await store.GetAsync("admin-api-key", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));
        var refreshed = await store.GetAsync("admin-api-key", CancellationToken.None);

        Assert.Equal("first", first!.Value.Reveal());
        Assert.Equal("v1", cached!.Version);
        Assert.Equal("second", refreshed!.Value.Reveal());
        client.Verify(c => c.GetSecretAsync("admin-api-key", null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_missing_secret_is_null()
    {
        client.Setup(c => c.GetSecretAsync("nope", null, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));

        Assert.Null(await Store.GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task Other_key_vault_failures_propagate()
    {
        client.Setup(c => c.GetSecretAsync("k", null, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(403, "Forbidden"));

        await Assert.ThrowsAsync<RequestFailedException>(() => Store.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task A_specific_version_is_fetched_once_for_the_life_of_the_store()
    {
        client.Setup(c => c.GetSecretAsync("data-key", "v7", It.IsAny<CancellationToken>())).ReturnsAsync(Secret("data-key", "v7", "old"));
        var store = Store;

        await store.GetVersionAsync("data-key", "v7", CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(30));
        var again = await store.GetVersionAsync("data-key", "v7", CancellationToken.None);

        Assert.Equal("old", again!.Value.Reveal());
        client.Verify(c => c.GetSecretAsync("data-key", "v7", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Setting_a_secret_returns_its_new_version_and_serves_it_as_current()
    {
        client.Setup(c => c.SetSecretAsync("data-key", "fresh", It.IsAny<CancellationToken>())).ReturnsAsync(Secret("data-key", "v9", "fresh"));
        var store = Store;

        var stored = await store.SetAsync("data-key", new Sensitive("fresh"), CancellationToken.None);

        Assert.Equal("v9", stored.Version);
        Assert.Equal("v9", (await store.GetAsync("data-key", CancellationToken.None))!.Version);
        client.Verify(c => c.GetSecretAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Deleting_a_secret_soft_deletes_it_in_key_vault_and_forgets_every_cached_version()
    {
        client.SetupSequence(c => c.GetSecretAsync("webhook-secret-we-1", "v1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Secret("webhook-secret-we-1", "v1", "whsec_old"))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));
        client.SetupSequence(c => c.GetSecretAsync("webhook-secret-we-1", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Secret("webhook-secret-we-1", "v1", "whsec_old"))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));
        client.Setup(c => c.StartDeleteSecretAsync("webhook-secret-we-1", It.IsAny<CancellationToken>())).ReturnsAsync((DeleteSecretOperation)null!);
        var store = Store;
        await store.GetVersionAsync("webhook-secret-we-1", "v1", CancellationToken.None);
        await store.GetAsync("webhook-secret-we-1", CancellationToken.None);

        await store.DeleteAsync("webhook-secret-we-1", CancellationToken.None);

        Assert.Null(await store.GetVersionAsync("webhook-secret-we-1", "v1", CancellationToken.None));
        Assert.Null(await store.GetAsync("webhook-secret-we-1", CancellationToken.None));
        client.Verify(c => c.StartDeleteSecretAsync("webhook-secret-we-1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Deleting_a_secret_that_does_not_exist_succeeds()
    {
        client.Setup(c => c.StartDeleteSecretAsync("gone", It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));

        await Store.DeleteAsync("gone", CancellationToken.None);

        client.Verify(c => c.StartDeleteSecretAsync("gone", It.IsAny<CancellationToken>()), Times.Once);
    }
}
