using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Operations;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Core.Versions;
using EmbeddedFinance.Core.Portal;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Functions.Health;

namespace EmbeddedFinance.Functions.OpenApi;

/// <summary>
/// Every schema of the OpenAPI document, in document order, and the type each is generated from. A type that
/// another schema's member refers to becomes a <c>$ref</c> to the first schema of that type.
/// </summary>
public static class ApiSchemas
{
    public static IReadOnlyList<ApiSchema> All { get; } =
    [
        ApiSchema.Of<MerchantView>("Merchant"),
        ApiSchema.Of<MerchantApiKeysView>("MerchantApiKeys"),
        ApiSchema.Of<CreateMerchantRequest>("CreateMerchantRequest"),
        ApiSchema.Of<UpdateMerchantRequest>("UpdateMerchantRequest"),
        ApiSchema.Of<ApiVersionView>("ApiVersion"),
        ApiSchema.List<ApiVersionView>("ApiVersionList", "Every API version, oldest first. Not paged: `has_more` is always `false`.", "Every API version, oldest first.", "/v1/api_versions", paged: false),
        ApiSchema.Of<HealthView>("Health"),
        ApiSchema.Of<HealthView.ServiceView>("StorageServiceHealth"),
        ApiSchema.Handwritten("Problem"),
        ApiSchema.Of<CreateTokenRequest>("CreateTokenRequest"),
        ApiSchema.Of<CardView>("Card"),
        ApiSchema.Of<TokenView>("Token"),
        ApiSchema.Of<AccountView>("Account"),
        ApiSchema.Of<CreateAccountRequest>("CreateAccountRequest"),
        ApiSchema.Of<UpdateAccountRequest>("UpdateAccountRequest", """{ "minProperties": 1 }"""),
        ApiSchema.Of<PayoutScheduleInput>("PayoutScheduleInput"),
        ApiSchema.Of<PayoutScheduleView>("PayoutSchedule"),
        ApiSchema.List<AccountView>("AccountList", "A page of connected accounts, oldest first.", "Up to `limit` connected accounts, in creation order.", "/v1/accounts"),
        ApiSchema.Handwritten<IReadOnlyDictionary<string, string>>("Metadata"),
        ApiSchema.Of<SplitView>("Split"),
        ApiSchema.Of<CreatePaymentRequest>("CreatePaymentRequest"),
        ApiSchema.Of<ClientInput>("PaymentClientInput"),
        ApiSchema.Of<AmountRequest>("CapturePaymentRequest", """
            {
              "description": "The body of `POST /v1/payments/{id}/capture`; it may be absent or `{}`. Members not listed here are rejected with `400 parameter_unknown`.",
              "properties": { "amount": { "description": "How much to capture, in minor units: 1 to the authorized `amount` (default: all of it; otherwise `400 amount_invalid`). The rest of the authorization is released.", "examples": [1500] } }
            }
            """),
        ApiSchema.Of<EmptyRequest>("CancelPaymentRequest", """
            { "description": "The body of `POST /v1/payments/{id}/cancel`: absent or `{}`; any member is rejected with `400 parameter_unknown`." }
            """),
        ApiSchema.Of<EmptyRequest>("ReviewPaymentRequest", """
            { "description": "The body of `POST /v1/payments/{id}/approve` and `…/reject`: absent or `{}`; any member is rejected with `400 parameter_unknown`." }
            """),
        ApiSchema.Of<EmptyRequest>("VerifyAccountRequest", """
            { "description": "The body of `POST /v1/admin/accounts/{id}/verify`: absent or `{}`; any member is rejected with `400 parameter_unknown`." }
            """),
        ApiSchema.Of<RefundRequest>("RefundPaymentRequest", """
            {
              "description": "The body of `POST /v1/payments/{id}/refunds`; it may be absent or `{}`. Members not listed here are rejected with `400 parameter_unknown`.",
              "properties": {
                "amount": { "description": "How much to refund, in minor units: 1 to what remains refundable (`amount_captured` − `amount_refunded`; default: all of it; otherwise `400 amount_invalid`).", "examples": [500] },
                "refund_application_fee": { "examples": [true] }
              }
            }
            """),
        // The card of a payment always names its token.
        ApiSchema.Of<PaymentView>("Payment", """{ "properties": { "card": { "required": ["token"] } } }"""),
        ApiSchema.Of<RiskView>("Risk"),
        ApiSchema.List<PaymentView>("PaymentList", "A page of payments, oldest first.", "Up to `limit` payments, in creation order.", "/v1/payments"),
        ApiSchema.Of<RefundView>("Refund"),
        ApiSchema.Of<RiskRulesView>("RiskRules"),
        ApiSchema.Of<VelocityRuleView>("VelocityRule"),
        ApiSchema.Of<AmountOutlierRuleView>("AmountOutlierRule"),
        ApiSchema.Of<CountryMismatchRuleView>("CountryMismatchRule"),
        ApiSchema.Of<RiskRulesRequest>("ReplaceRiskRulesRequest"),
        ApiSchema.Of<VelocityRuleInput>("VelocityRuleInput"),
        ApiSchema.Of<AmountOutlierRuleInput>("AmountOutlierRuleInput"),
        ApiSchema.Of<CountryMismatchRuleInput>("CountryMismatchRuleInput"),
        ApiSchema.Of<RefundedSplitView>("RefundedSplit"),
        ApiSchema.Of<DisputeView>("Dispute"),
        ApiSchema.Of<DisputeEvidence>("DisputeEvidence"),
        ApiSchema.Of<UpdateDisputeRequest>("UpdateDisputeRequest", """{ "minProperties": 1 }"""),
        ApiSchema.List<DisputeView>("DisputeList", "A page of disputes, oldest first.", "Up to `limit` disputes, in creation order.", "/v1/disputes"),
        ApiSchema.Handwritten("CardDeclinedProblem"),
        ApiSchema.Of<BalanceView>("Balance"),
        ApiSchema.Of<LedgerTransactionView>("LedgerTransaction"),
        ApiSchema.List<LedgerTransactionView>("LedgerTransactionList", "A page of ledger transactions, oldest first.", "Up to `limit` transactions, in creation order.", "/v1/ledger/transactions"),
        ApiSchema.Of<ReconciliationReport>("ReconciliationReport"),
        ApiSchema.Of<PayoutDestinationInput>("PayoutDestinationInput"),
        ApiSchema.Of<PayoutDestinationView>("PayoutDestination"),
        ApiSchema.Of<CreatePayoutRequest>("CreatePayoutRequest"),
        ApiSchema.Of<PayoutView>("Payout"),
        ApiSchema.List<PayoutView>("PayoutList", "A page of payouts, oldest first.", "Up to `limit` payouts, in creation order.", "/v1/payouts"),
        ApiSchema.Handwritten("EventType"),
        ApiSchema.Of<CreateWebhookEndpointRequest>("CreateWebhookEndpointRequest"),
        // At least one member: an empty update is refused.
        ApiSchema.Of<UpdateWebhookEndpointRequest>("UpdateWebhookEndpointRequest", """{ "minProperties": 1 }"""),
        ApiSchema.Of<RotateWebhookSecretRequest>("RotateWebhookSecretRequest"),
        ApiSchema.Of<RedeliverEventRequest>("RedeliverEventRequest"),
        ApiSchema.Of<RecoverWebhookEndpointRequest>("RecoverWebhookEndpointRequest"),
        ApiSchema.Of<CreatePortalSessionRequest>("CreatePortalSessionRequest"),
        ApiSchema.Of<WebhookEndpointView>("WebhookEndpoint"),
        ApiSchema.List<WebhookEndpointView>("WebhookEndpointList", "A page of webhook endpoints, oldest first.", "Up to `limit` webhook endpoints, in creation order, without their secrets.", "/v1/webhook_endpoints"),
        ApiSchema.Of<DeletedView>("DeletedWebhookEndpoint"),
        ApiSchema.Of<WebhookSecretView>("WebhookEndpointSecret"),
        ApiSchema.Handwritten("Event"),
        ApiSchema.List<JsonNode>("EventList", "A page of events, oldest first.", "Up to `limit` events, in the order they happened.", "/v1/events", items: "Event"),
        ApiSchema.Of<EventTypeView>("EventTypeDescription"),
        ApiSchema.List<EventTypeView>("EventTypeList", "The event catalog: every event type. Not paged: `has_more` is always `false`.", "Every event type, with the JSON Schema of its `data.object`.", "/v1/event_types", paged: false),
        ApiSchema.Of<WebhookAttemptView>("WebhookAttempt"),
        ApiSchema.List<WebhookAttemptView>(
            "WebhookAttemptList", "Every delivery attempt of an event, to all of the merchant's endpoints, oldest first. Not paged: `has_more` is always `false`.",
            "The attempts, in the order they started.", "^/v1/events/evt_[^/]+/deliveries$", paged: false, urlDescription: "The route of this list: `/v1/events/{id}/deliveries`."),
        ApiSchema.Of<RedeliveryView>("EventRedelivery"),
        ApiSchema.Of<WebhookRecoveryView>("WebhookRecovery"),
        ApiSchema.Of<PortalSessionView>("PortalSession"),
        ApiSchema.Of<AuditVerificationView>("AuditVerification"),
        ApiSchema.Of<AuditBreakView>("AuditBreak"),
        ApiSchema.Of<PoisonMessageView>("PoisonMessage"),
        ApiSchema.Of<PoisonQueueView>("PoisonQueue"),
        ApiSchema.List<PoisonQueueView>("PoisonQueueList", "Every platform queue's poison twin.", "The poison queues.", "/v1/admin/poison", paged: false),
        ApiSchema.Of<RequeuePoisonRequest>("RequeuePoisonRequest"),
        ApiSchema.Of<PoisonRequeueView>("PoisonRequeue"),
        ApiSchema.Of<ApiKeyView>("ApiKey"),
        ApiSchema.List<ApiKeyView>("ApiKeyList", "A page of the merchant's API keys in one mode, oldest first.", "Up to `limit` keys, in creation order, without their secrets.", "/v1/api_keys"),
        ApiSchema.Of<CreateApiKeyRequest>("CreateApiKeyRequest"),
        ApiSchema.Of<RollApiKeyRequest>("RollApiKeyRequest"),
        ApiSchema.Of<RevokedApiKeyView>("RevokedApiKey"),
        ApiSchema.Of<OAuthClientView>("OAuthClient"),
        ApiSchema.List<OAuthClientView>("OAuthClientList", "A page of the merchant's OAuth clients in one mode, oldest first.", "Up to `limit` clients, in creation order, without their secrets.", "/v1/oauth/clients"),
        ApiSchema.Of<CreateOAuthClientRequest>("CreateOAuthClientRequest"),
        ApiSchema.Of<RevokedOAuthClientView>("RevokedOAuthClient"),
        ApiSchema.Of<TokenResponse>("TokenResponse"),
        ApiSchema.Of<TokenErrorView>("OAuthError"),
        ApiSchema.Of<JwksDocument>("Jwks"),
        ApiSchema.Of<PublicJwk>("PublicJwk"),
        ApiSchema.Of<AuthorizationServerMetadata>("AuthorizationServerMetadata"),
        ApiSchema.Of<CreateSignupRequest>("CreateSignupRequest"),
        ApiSchema.Of<SignupView>("Signup"),
        ApiSchema.Of<CreateLiveAccessRequestRequest>("CreateLiveAccessRequestRequest"),
        ApiSchema.Of<BusinessDetailsRequest>("BusinessDetailsInput"),
        ApiSchema.Of<LiveAccessRequestView>("LiveAccessRequest"),
        ApiSchema.Of<BusinessDetailsView>("BusinessDetails"),
        ApiSchema.Of<LiveApiKeysView>("LiveApiKeys"),
        ApiSchema.List<LiveAccessRequestView>("LiveAccessRequestList", "The merchant's live access requests, newest first. Not paged: `has_more` is always `false`.", "Every live access request of the merchant, newest first.", "/v1/live_access_requests", paged: false),
        ApiSchema.Of<EmptyRequest>("ApproveLiveAccessRequestRequest", """
            { "description": "The body of `POST /v1/admin/live_access_requests/{id}/approve`: absent or `{}`; any member is rejected with `400 parameter_unknown`." }
            """),
        ApiSchema.Of<RejectLiveAccessRequestRequest>("RejectLiveAccessRequestRequest"),
    ];
}
