using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Security.KeyVault.Secrets;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Azure.Tests.Infrastructure;

/// <summary>With the app settings the Bicep template writes (no connection strings), every Azure client is identity-based on the right endpoint.</summary>
public sealed class AzureClientsTests
{
    [Fact]
    public async Task Identity_based_settings_give_clients_on_the_configured_endpoints_without_any_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://efprod.table.core.windows.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://efprod.queue.core.windows.net/",
            ["ServiceBus:FullyQualifiedNamespace"] = "ef-prod-bus.servicebus.windows.net",
            ["Secrets:KeyVaultUri"] = "https://efprodkv.vault.azure.net/",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddAzureAdapters(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal("efprod", provider.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal(new Uri("https://efprod.queue.core.windows.net/"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal("ef-prod-bus.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
        Assert.Equal(new Uri("https://efprodkv.vault.azure.net/"), provider.GetRequiredService<SecretClient>().VaultUri);
    }

    [Fact]
    public void Without_a_connection_string_or_service_uri_the_error_names_both_settings()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        var failure = Assert.Throws<InvalidOperationException>(() => services.AddAzureAdapters(configuration));
        Assert.Contains($"'{StorageClients.Setting}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("__tableServiceUri", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_clients_give_up_within_the_configured_timeout_and_retries()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageClients.Setting] = "UseDevelopmentStorage=true",
            ["Storage:RequestTimeout"] = "00:00:03",
            ["Storage:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddAzureAdapters(configuration);
        await using var provider = services.BuildServiceProvider();
        var options = new List<global::Azure.Core.ClientOptions>();
        var factory = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<TableClientOptions>>();
        options.Add(factory.Get("Default"));
        options.Add(provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<QueueClientOptions>>().Get("Default"));
        options.Add(provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<QueueClientOptions>>().Get(StorageClients.RawQueues));

        Assert.All(options, option =>
        {
            Assert.Equal(TimeSpan.FromSeconds(3), option.Retry.NetworkTimeout);
            Assert.Equal(1, option.Retry.MaxRetries);
        });
    }
}
