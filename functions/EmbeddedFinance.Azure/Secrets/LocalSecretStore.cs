using System.Text;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Secrets;

/// <summary>
/// The development stand-in for Key Vault: secrets in an Azurite table, each version sealed with AES-256-GCM
/// under a master key and bound to its name and version.
/// </summary>
public sealed class LocalSecretStore(TableServiceClient service, IOptions<StorageOptions> storage, IOptions<SecretStoreOptions> options, TimeProvider clock) : ISecretStore
{
    /// <summary>DEVELOPMENT DEFAULT master key for the local store (like Azurite's account key): never used in Azure.</summary>
    public const string DevelopmentMasterKey = "ZGV2ZWxvcG1lbnQtb25seS1sb2NhbC1tYXN0ZXIta2V5";

    private readonly TableClient table = service.GetTableClient(storage.Value.SecretsTable);
    private readonly byte[] masterKey = Sha256Key(options.Value.LocalMasterKey ?? DevelopmentMasterKey);

    public async Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<LocalSecretEntity>(e => e.PartitionKey == name, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return Open(entity);
        }
        return null;
    }

    public async Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<LocalSecretEntity>(name, version, cancellationToken: cancellationToken);
        return found.HasValue ? Open(found.Value!) : null;
    }

    public async Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken)
    {
        var version = NewestFirstVersion(clock.GetUtcNow());
        var sealedValue = AesGcmSealer.Seal(masterKey, Encoding.UTF8.GetBytes(value.Reveal()), AssociatedData(name, version));
        await table.AddEntityAsync(new LocalSecretEntity { PartitionKey = name, RowKey = version, Sealed = sealedValue }, cancellationToken);
        return new SecretValue(name, version, value);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var versions = new List<TableTransactionAction>();
        await foreach (var entity in table.QueryAsync<LocalSecretEntity>(e => e.PartitionKey == name, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            versions.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }
        foreach (var chunk in versions.Chunk(StateBatch.MaxActions)) await table.SubmitTransactionAsync(chunk, cancellationToken);
    }

    private SecretValue Open(LocalSecretEntity entity)
    {
        var plaintext = AesGcmSealer.Open(masterKey, entity.Sealed, AssociatedData(entity.PartitionKey, entity.RowKey));
        return new SecretValue(entity.PartitionKey, entity.RowKey, new Sensitive(Encoding.UTF8.GetString(plaintext)));
    }

    /// <summary>
    /// Inverted ticks in fixed-width base 26 (letters only): the newest version sorts first, and no stored value
    /// is a long digit run that a scan for card numbers could mistake for one.
    /// </summary>
    private static string NewestFirstVersion(DateTimeOffset now)
    {
        var remaining = (ulong)(DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks);
        Span<char> letters = stackalloc char[14];
        for (var i = letters.Length - 1; i >= 0; i--)
        {
            letters[i] = (char)('a' + (int)(remaining % 26));
            remaining /= 26;
        }
        return new string(letters);
    }

    private static byte[] AssociatedData(string name, string version) => Encoding.UTF8.GetBytes($"{name}|{version}");

    // Any configured string becomes a 256-bit key; the configured value is already a secret of its own.
    private static byte[] Sha256Key(string configured) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configured));
}
