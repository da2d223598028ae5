using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Operations;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Recovery;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmbeddedFinance.Core;

public static class CoreServices
{
    /// <summary>The application layer: use cases and policies. Adapters for the ports come from elsewhere.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PlatformOptions>();
        services.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        services.AddSingleton<DataKeys>();
        services.AddSingleton<AdminKeyProvider>();
        services.AddSingleton<RequiredSecrets>();
        services.AddSingleton<Authenticator>();
        services.AddSingleton<ApiKeys>();
        services.AddValidatedOptions<ApiKeyOptions>(ApiKeyOptions.Section);
        services.AddValidatedOptions<OAuthOptions>(OAuthOptions.Section);
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<AccessTokenAuthentication>();
        services.AddSingleton<IssueAccessToken>();
        services.AddSingleton<OAuthClients>();
        services.AddSingleton<IdempotencyGuard>();
        services.AddSingleton<RequestFingerprinter>();
        services.AddSingleton<CreateMerchant>();
        services.AddSingleton<GetMerchant>();
        services.AddSingleton<UpdateMerchant>();
        services.AddSingleton<MerchantApiVersions>();
        services.AddSingleton<CardSealer>();
        services.AddSingleton<CardFingerprinter>();
        services.AddSingleton<TokenizeCard>();
        services.AddSingleton<GetToken>();
        services.AddSingleton<CardAuthorizationReader>();
        services.AddSingleton<ConnectedAccounts>();
        services.TryAddSingleton<IAcquirer, SandboxAcquirer>();
        services.AddSingleton<CreatePayment>();
        services.AddSingleton<PaymentTransitions>();
        services.AddSingleton<PaymentQueries>();
        services.AddValidatedOptions<SettlementOptions>(SettlementOptions.Section);
        services.AddSingleton<SettleScope>();
        services.AddSingleton<LedgerQueries>();
        services.AddValidatedOptions<ReconciliationOptions>(ReconciliationOptions.Section);
        services.AddSingleton<Reconciliation>();
        services.AddSingleton<Audit.AuditChain>();
        services.AddSingleton<Audit.VerifyAuditTrail>();
        services.AddSingleton<RelayOutbox>();
        services.AddSingleton<PublishIntegrationEvents>();
        services.AddValidatedOptions<RecoveryOptions>(RecoveryOptions.Section);
        services.AddSingleton<PoisonQueueCommands>();
        services.AddSingleton<IOutboxConsumer, SettlementDispatch>();
        services.AddValidatedOptions<PayoutOptions>(PayoutOptions.Section);
        services.AddSingleton<BankAccountSealer>();
        services.AddSingleton<CreatePayout>();
        services.AddSingleton<PayoutQueries>();
        services.AddSingleton<PayoutRailPipeline>();
        services.TryAddSingleton<IPayoutRail, SandboxPayoutRail>();
        services.AddSingleton<SubmitPayout>();
        services.AddSingleton<CompletePayout>();
        services.AddSingleton<RedriveStuckPayouts>();
        services.AddSingleton<RecentEarnings>();
        services.AddSingleton<PayScheduledPayouts>();
        services.AddSingleton<RedriveStuckDeliveries>();
        services.AddSingleton<IOutboxConsumer, PayoutDispatch>();
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.TryAddSingleton<IAddressResolver, DnsAddressResolver>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<MerchantEvents>();
        services.AddSingleton<RedeliveryBound>();
        services.AddSingleton<EndpointHealth>();
        services.AddSingleton<DeliverWebhook>();
        services.AddSingleton<IOutboxConsumer, WebhookDispatch>();
        return services;
    }
}
