using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The storage clients, from the Functions host's own setting, <c>AzureWebJobsStorage</c>: a connection string
/// locally (Azurite), or identity-based <c>AzureWebJobsStorage__tableServiceUri</c> and <c>__queueServiceUri</c> in
/// Azure (with the credential the client builder uses), so no account key lives in app settings.
/// </summary>
public static class StorageClients
{
    public const string Setting = "AzureWebJobsStorage";

    /// <summary>A queue client without message encoding, for copying messages as stored (poison queues).</summary>
    public const string RawQueues = "raw-queues";

    public static void AddStorageClients(this AzureClientFactoryBuilder clients, IConfiguration configuration)
    {
        if (ConnectionString(configuration) is { } connectionString)
        {
            clients.AddTableServiceClient(connectionString).ConfigureOptions(Bounded);
            clients.AddQueueServiceClient(connectionString).ConfigureOptions(Bounded).ConfigureOptions(Base64);
            clients.AddQueueServiceClient(connectionString).ConfigureOptions(Bounded).WithName(RawQueues);
        }
        else
        {
            clients.AddTableServiceClient(ServiceUri(configuration, "tableServiceUri")).ConfigureOptions(Bounded);
            clients.AddQueueServiceClient(ServiceUri(configuration, "queueServiceUri")).ConfigureOptions(Bounded).ConfigureOptions(Base64);
            clients.AddQueueServiceClient(ServiceUri(configuration, "queueServiceUri")).ConfigureOptions(Bounded).WithName(RawQueues);
        }
    }

    /// <summary>A table client of the same account with options of the caller's (benchmarks add a counting policy); connection strings only.</summary>
    public static TableServiceClient Tables(IConfiguration configuration, TableClientOptions options) =>
        new(ConnectionString(configuration) ?? throw new InvalidOperationException($"Set '{Setting}' to a connection string."), options);

    /// <summary>
    /// A storage call that gets no answer gives up within <see cref="StorageOptions.RequestTimeout"/> per try and
    /// <see cref="StorageOptions.MaxRetries"/> retries, so a request during an outage answers 503 instead of hanging.
    /// </summary>
    public static void Bounded(ClientOptions options, IServiceProvider provider) => Bounded(options, provider.GetRequiredService<IOptions<StorageOptions>>().Value);

    public static void Bounded(ClientOptions options, StorageOptions storage)
    {
        options.Retry.NetworkTimeout = storage.RequestTimeout;
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.Mode = RetryMode.Exponential;
    }

    // Functions queue triggers read base64 by default (host.json messageEncoding); every writer must match.
    private static void Base64(QueueClientOptions options) => options.MessageEncoding = QueueMessageEncoding.Base64;

    private static string? ConnectionString(IConfiguration configuration) => configuration[Setting] is { Length: > 0 } value ? value : null;

    private static Uri ServiceUri(IConfiguration configuration, string name) =>
        Uri.TryCreate(configuration[$"{Setting}:{name}"], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Set '{Setting}' (a connection string) or '{Setting}__{name}' (identity-based).");
}
