using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Creates the tables the app uses if they are missing (the Bicep template creates them in Azure too).</summary>
public sealed class StorageProvisioner(TableServiceClient tables, IOptions<StorageOptions> options)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var names = new[] { options.Value.StateTable, options.Value.AuditTable, options.Value.SecretsTable };
        await Task.WhenAll(names.Select(name => tables.CreateTableIfNotExistsAsync(name, cancellationToken)));
    }
}
