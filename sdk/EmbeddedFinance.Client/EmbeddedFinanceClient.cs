using System.Net;
using EmbeddedFinance.Client.Http;
using EmbeddedFinance.Client.Resources;

namespace EmbeddedFinance.Client;

/// <summary>
/// The EmbeddedFinance API. In an app, register it with
/// <see cref="ServiceCollectionExtensions.AddEmbeddedFinanceClient"/>; in a script, <c>new EmbeddedFinanceClient("sk_test_…")</c>.
/// Every write carries an Idempotency-Key (one per call, the same on the SDK's retries); connection failures, 429 and
/// 503 are retried honouring <c>Retry-After</c>; any other error throws <see cref="ApiException"/>.
/// </summary>
public sealed class EmbeddedFinanceClient : IDisposable
{
    private readonly HttpClient? owned;

    /// <summary>A client for scripts: its own connection pool and retries.</summary>
    /// <param name="apiKey">The secret key (<c>sk_test_…</c>), a restricted key or an OAuth access token.</param>
    /// <param name="apiBase">The API base up to <c>/api</c>; default the local development host.</param>
    public EmbeddedFinanceClient(string apiKey, Uri? apiBase = null)
        : this(new EmbeddedFinanceClientOptions { ApiKey = apiKey, ApiBase = apiBase ?? EmbeddedFinanceClientOptions.LocalApiBase })
    {
    }

    /// <summary>A client for scripts, with every option.</summary>
    public EmbeddedFinanceClient(EmbeddedFinanceClientOptions options)
        : this(CreateHttpClient(options), options)
    {
        owned = Http;
    }

    /// <summary>
    /// A client over an <see cref="HttpClient"/> you configure (what dependency injection uses: its handler already
    /// retries). The client's base address and timeout are set from <paramref name="options"/>.
    /// </summary>
    public EmbeddedFinanceClient(HttpClient httpClient, EmbeddedFinanceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        Http = httpClient;
        Http.BaseAddress = options.NormalizedApiBase;
        Http.Timeout = options.Timeout;
        var api = new ApiTransport(Http, options);
        Merchants = new MerchantsService(api);
        Accounts = new AccountsService(api);
        Tokens = new TokensService(api);
        Payments = new PaymentsService(api);
        Disputes = new DisputesService(api);
        Payouts = new PayoutsService(api);
        WebhookEndpoints = new WebhookEndpointsService(api);
        Events = new EventsService(api);
        PortalSessions = new PortalSessionsService(api);
        Risk = new RiskService(api);
        Ledger = new LedgerService(api);
        ApiKeys = new ApiKeysService(api);
        OAuthClients = new OAuthClientsService(api);
        OAuth = new OAuthService(api);
        Admin = new AdminService(api);
        Transport = api;
    }

    internal HttpClient Http { get; }

    internal ApiTransport Transport { get; }

    /// <summary><c>/v1/merchants</c> and <c>/v1/api_versions</c>.</summary>
    public MerchantsService Merchants { get; }
    /// <summary><c>/v1/accounts</c>.</summary>
    public AccountsService Accounts { get; }
    /// <summary><c>/v1/tokens</c>.</summary>
    public TokensService Tokens { get; }
    /// <summary><c>/v1/payments</c> and refunds.</summary>
    public PaymentsService Payments { get; }
    /// <summary><c>/v1/disputes</c>.</summary>
    public DisputesService Disputes { get; }
    /// <summary><c>/v1/payouts</c>.</summary>
    public PayoutsService Payouts { get; }
    /// <summary><c>/v1/webhook_endpoints</c>.</summary>
    public WebhookEndpointsService WebhookEndpoints { get; }
    /// <summary><c>/v1/events</c>.</summary>
    public EventsService Events { get; }
    /// <summary><c>/v1/portal_sessions</c>.</summary>
    public PortalSessionsService PortalSessions { get; }
    /// <summary><c>/v1/risk/rules</c>.</summary>
    public RiskService Risk { get; }
    /// <summary><c>/v1/ledger/transactions</c>.</summary>
    public LedgerService Ledger { get; }
    /// <summary><c>/v1/api_keys</c>.</summary>
    public ApiKeysService ApiKeys { get; }
    /// <summary><c>/v1/oauth/clients</c>.</summary>
    public OAuthClientsService OAuthClients { get; }
    /// <summary><c>/oauth/token</c>.</summary>
    public OAuthService OAuth { get; }
    /// <summary>The operator's <c>/v1/admin</c> routes.</summary>
    public AdminService Admin { get; }

    /// <summary><c>GET /health</c>: whether the platform is up (no key needed).</summary>
    public Task<Health> GetHealthAsync(CancellationToken cancellationToken = default) =>
        Transport.SendAsync<Health>(HttpMethod.Get, "health", null, null, cancellationToken, authenticate: false);

    /// <inheritdoc/>
    public void Dispose() => owned?.Dispose();

    internal static HttpClient CreateHttpClient(EmbeddedFinanceClientOptions options) =>
        new(RetryPolicy.Handler(options, new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }));
}
