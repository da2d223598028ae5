using System.Security.Cryptography;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Integration.Tests.Secrets;

/// <summary>The development stand-in for Key Vault, on a real Azurite table.</summary>
public sealed class LocalSecretStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly StorageOptions storage = new() { Prefix = "s" + Guid.NewGuid().ToString("N")[..10] };
    private TableServiceClient tables = null!;

    public async Task InitializeAsync()
    {
        tables = new TableServiceClient(await SharedAzurite.ConnectionStringAsync());
        await tables.CreateTableIfNotExistsAsync(storage.SecretsTable);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private LocalSecretStore Store(string? masterKey = null) =>
        new(tables, Options.Create(storage), Options.Create(new SecretStoreOptions { LocalMasterKey = masterKey }), clock);

    [Fact]
    public async Task A_missing_secret_is_null()
    {
        Assert.Null(await Store().GetAsync("absent", CancellationToken.None));
        Assert.Null(await Store().GetVersionAsync("absent", "aaaaaaaaaaaaaa", CancellationToken.None));
    }

    [Fact]
    public async Task The_newest_version_is_current_and_every_version_stays_readable()
    {
        var store = Store();
        var first = await store.SetAsync("card-data-key", new Sensitive("one"), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await store.SetAsync("card-data-key", new Sensitive("two"), CancellationToken.None);

        Assert.Equal(second.Version, (await store.GetAsync("card-data-key", CancellationToken.None))!.Version);
        Assert.Equal("two", (await store.GetAsync("card-data-key", CancellationToken.None))!.Value.Reveal());
        Assert.Equal("one", (await store.GetVersionAsync("card-data-key", first.Version, CancellationToken.None))!.Value.Reveal());
        Assert.DoesNotContain(first.Version, char.IsAsciiDigit);
    }

    [Fact]
    public async Task Values_are_sealed_at_rest_and_a_store_with_another_master_key_cannot_open_them()
    {
        var stored = await Store().SetAsync("admin-api-key", new Sensitive("sk_admin_sealed_value"), CancellationToken.None);

        var row = (await tables.GetTableClient(storage.SecretsTable).GetEntityAsync<TableEntity>("admin-api-key", stored.Version)).Value;
        Assert.DoesNotContain("sk_admin_sealed_value", string.Join(" ", row.Select(pair => pair.Value).Select(v => v is byte[] b ? System.Text.Encoding.UTF8.GetString(b) : v?.ToString())));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => Store("another master key").GetAsync("admin-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task A_tampered_secret_fails_to_open()
    {
        var stored = await Store().SetAsync("request-fingerprint-key", new Sensitive("value"), CancellationToken.None);
        var client = tables.GetTableClient(storage.SecretsTable);
        var row = (await client.GetEntityAsync<LocalSecretEntity>("request-fingerprint-key", stored.Version)).Value;
        row.Sealed[^1] ^= 1;
        await client.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => Store().GetAsync("request-fingerprint-key", CancellationToken.None));
    }
}
