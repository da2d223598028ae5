using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Creates the tables and queues the app uses if they are missing (the Bicep template creates them in Azure too).</summary>
public sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, IOptions<StorageOptions> options, IOptions<QueueNames> queueNames)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var names = new[] { options.Value.StateTable, options.Value.AuditTable, options.Value.SecretsTable, options.Value.WorkTable, options.Value.RiskTable };
        await Task.WhenAll(names.Select(name => tables.CreateTableIfNotExistsAsync(name, cancellationToken)));
        await Task.WhenAll(queueNames.Value.All.Select(name => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }
}
