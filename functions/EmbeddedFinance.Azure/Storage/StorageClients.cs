using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Builds the storage clients from the Functions host's own setting, <c>AzureWebJobsStorage</c>: a connection
/// string locally (Azurite), or identity-based <c>AzureWebJobsStorage__tableServiceUri</c> and
/// <c>__queueServiceUri</c> in Azure, so no account key lives in app settings.
/// </summary>
public static class StorageClients
{
    public const string Setting = "AzureWebJobsStorage";

    /// <param name="options">Client options (benchmarks add a counting policy); defaults otherwise.</param>
    public static TableServiceClient Tables(IConfiguration configuration, TableClientOptions? options = null) =>
        configuration[Setting] is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, options ?? new TableClientOptions())
            : new TableServiceClient(RequiredUri(configuration, "tableServiceUri"), new DefaultAzureCredential(), options ?? new TableClientOptions());

    public static QueueServiceClient Queues(IConfiguration configuration)
    {
        // Functions queue triggers read base64 by default (host.json messageEncoding); every writer must match.
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return configuration[Setting] is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(RequiredUri(configuration, "queueServiceUri"), new DefaultAzureCredential(), options);
    }

    private static Uri RequiredUri(IConfiguration configuration, string name) =>
        Uri.TryCreate(configuration[$"{Setting}:{name}"], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Set '{Setting}' (a connection string) or '{Setting}__{name}' (identity-based).");
}
