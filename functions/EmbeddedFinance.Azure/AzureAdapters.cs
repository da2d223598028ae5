using Azure.Messaging.ServiceBus;
using Azure.Security.KeyVault.Secrets;
using EmbeddedFinance.Azure.Access;
using EmbeddedFinance.Azure.Accounts;
using EmbeddedFinance.Azure.Audit;
using EmbeddedFinance.Azure.Disputes;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Outbox;
using EmbeddedFinance.Azure.Payouts;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Azure.Risk;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Azure.Health;
using EmbeddedFinance.Azure.Idempotency;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Merchants;
using EmbeddedFinance.Azure.Onboarding;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Azure.OAuth;
using EmbeddedFinance.Azure.Payments;
using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Azure.Vault;
using EmbeddedFinance.Azure.Webhooks;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Health;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Operations;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure;

public static class AzureAdapters
{
    private const string SigningVault = "signing";

    /// <summary>Storage Tables and Queues, and the secret store: Key Vault when configured, else the local store.</summary>
    public static IServiceCollection AddAzureAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddValidatedOptions<SecretStoreOptions>(SecretStoreOptions.Section);

        var serviceBus = configuration.GetSection(ServiceBusOptions.Section).Get<ServiceBusOptions>() ?? new ServiceBusOptions();
        var secretOptions = configuration.GetSection(SecretStoreOptions.Section).Get<SecretStoreOptions>();
        var keyVault = secretOptions?.KeyVaultUri;
        var signingVault = secretOptions?.SigningKeyVaultUri;
        // Every Azure client in one place: identity-based in Azure (DefaultAzureCredential picks the managed identity
        // named by AZURE_CLIENT_ID), connection strings locally.
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(new global::Azure.Identity.DefaultAzureCredential());
            clients.AddStorageClients(configuration);
            if (serviceBus.Enabled)
            {
                if (string.IsNullOrWhiteSpace(serviceBus.ConnectionString)) clients.AddServiceBusClientWithNamespace(serviceBus.FullyQualifiedNamespace);
                else clients.AddServiceBusClient(serviceBus.ConnectionString);
            }
            if (keyVault is not null) clients.AddSecretClient(keyVault);
            if (signingVault is not null) clients.AddSecretClient(signingVault).WithName(SigningVault);
        });
        services.AddSingleton<StateTable>();
        services.AddSingleton<StateBatches>();
        services.AddSingleton<WorkCalendar>();
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<IdempotencyRecords>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IMerchantStore, TableMerchantStore>();
        services.AddSingleton<ISignupQuota, TableSignupQuota>();
        services.AddSingleton<ILiveAccessRequestStore, TableLiveAccessRequestStore>();
        services.AddSingleton<TableApiKeyDirectory>();
        services.AddSingleton<IApiKeyDirectory>(provider => provider.GetRequiredService<TableApiKeyDirectory>());
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<TableOAuthClientStore>();
        services.AddSingleton<IOAuthClientStore>(provider => provider.GetRequiredService<TableOAuthClientStore>());
        services.AddSingleton<IOAuthClientDirectory>(provider => provider.GetRequiredService<TableOAuthClientStore>());
        services.AddSingleton<ITokenStore, TableTokenStore>();
        services.AddSingleton<IAccountStore, TableAccountStore>();
        services.AddSingleton<IPaymentStore, TablePaymentStore>();
        services.AddSingleton<IActivityCounters, TableActivityCounters>();
        services.AddSingleton<IAmountStatistics, TableAmountStatistics>();
        services.AddSingleton<IRiskRuleStore, TableRiskRuleStore>();
        services.AddSingleton<IDisputeStore, TableDisputeStore>();
        services.AddSingleton<IDisputeSchedule, TableDisputeSchedule>();
        services.AddSingleton<TableAuditLog>();
        services.AddSingleton<IAuditLog>(provider => provider.GetRequiredService<TableAuditLog>());
        services.AddSingleton<IAuditChainReader>(provider => provider.GetRequiredService<TableAuditLog>());
        services.AddSingleton<IStorageHealthProbe, StorageHealthProbe>();
        services.AddValidatedOptions<QueueNames>(QueueNames.Section);
        services.AddSingleton<IOutboxNudge, QueueOutboxNudge>();
        services.AddSingleton<IPoisonQueues, QueuePoisonQueues>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<IIntegrationEventQueue, QueueIntegrationEventQueue>();
        services.AddSingleton<QueueMessages>();
        services.AddSingleton<DueRows>();
        services.AddSingleton<IDeliveryChecks, TableDeliveryChecks>();
        services.AddSingleton<ISettlementQueue, QueueSettlementQueue>();
        services.AddSingleton<ISettlementStore, TableSettlementStore>();
        services.AddSingleton<ILedgerReader, TableLedgerReader>();
        services.AddSingleton<IReconciliationLog, TableReconciliationLog>();
        services.AddSingleton<IReconciliationJournal, TableReconciliationJournal>();
        services.AddSingleton<TableNegativeBalances>();
        services.AddSingleton<INegativeBalanceIndex>(provider => provider.GetRequiredService<TableNegativeBalances>());
        services.AddSingleton<IPayoutStore, TablePayoutStore>();
        services.AddSingleton<IPayoutQueue, QueuePayoutQueue>();
        services.AddSingleton<IPayoutChecks, TablePayoutChecks>();
        services.AddSingleton<Core.Onboarding.IIdentityVerificationQueue, Onboarding.QueueIdentityVerificationQueue>();
        services.AddSingleton<Core.Onboarding.IAccountReviews, Onboarding.TableAccountReviews>();
        services.AddSingleton<IPayoutDueIndex, TablePayoutDueIndex>();
        services.AddSingleton<IEventStore, TableEventStore>();
        services.AddSingleton<WebhookEndpointSet>();
        services.AddSingleton<IWebhookEndpointStore, TableWebhookEndpointStore>();
        services.AddSingleton<IWebhookAttemptStore, TableWebhookAttemptStore>();
        services.AddSingleton<Core.Portal.IPortalSessionStore, Portal.TablePortalSessionStore>();
        services.AddSingleton<IWebhookQueue, QueueWebhookQueue>();
        services.AddSingleton<IRedeliveryLog, TableRedeliveryLog>();
        services.AddSingleton<IEndpointPacer, TableEndpointPacer>();
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddWebhookHttpClients();

        services.AddValidatedOptions<ServiceBusOptions>(ServiceBusOptions.Section);
        if (serviceBus.Enabled)
        {
            services.AddSingleton(provider => provider.GetRequiredService<ServiceBusClient>().CreateSender(serviceBus.Topic));
            services.AddIntegrationEvents<ServiceBusEventPublisher>();
        }

        if (keyVault is not null)
        {
            services.AddSingleton<KeyVaultSecretStore>();
            services.AddSingleton<ISecretStore>(provider => Cached(provider, signingVault is null
                ? provider.GetRequiredService<KeyVaultSecretStore>()
                : new SplitSecretStore(
                    provider.GetRequiredService<KeyVaultSecretStore>(),
                    new KeyVaultSecretStore(provider.GetRequiredService<IAzureClientFactory<SecretClient>>().CreateClient(SigningVault)))));
        }
        else
        {
            services.AddSingleton<LocalSecretStore>();
            services.AddSingleton<ISecretStore>(provider => Cached(provider, provider.GetRequiredService<LocalSecretStore>()));
        }
        return services;
    }

    /// <summary>Integration events through their own queue, so that the publisher's outages hold up nothing else.</summary>
    public static IServiceCollection AddIntegrationEvents<TPublisher>(this IServiceCollection services) where TPublisher : class, IIntegrationEventPublisher
    {
        services.AddSingleton<IIntegrationEventPublisher, TPublisher>();
        services.AddSingleton<IOutboxConsumer, IntegrationEventDispatch>();
        return services;
    }

    private static CachingSecretStore Cached(IServiceProvider provider, ISecretStore inner) => new(
        inner, provider.GetRequiredService<IOptions<SecretStoreOptions>>().Value.CacheTtl, provider.GetRequiredService<TimeProvider>());
}
