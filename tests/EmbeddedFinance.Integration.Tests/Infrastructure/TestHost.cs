using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.LocalHost;
using EmbeddedFinance.LocalHost.Http;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>
/// The development host, started in-process on 127.0.0.1 with a free port, on the shared Azurite, with its own
/// table prefix. Tests talk to it over a real socket: http, and https too when started with <c>https: true</c>.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AdminKey = "sk_admin_local_dev";

    private readonly WebApplication app;

    private TestHost(WebApplication app, string connectionString, CapturedLogs logs)
    {
        this.app = app;
        ConnectionString = connectionString;
        Logs = logs;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Client = new HttpClient { BaseAddress = ApiBase(addresses.First(address => address.StartsWith("http:", StringComparison.Ordinal))), Timeout = ClientTimeout };
        HttpsAddress = addresses.FirstOrDefault(address => address.StartsWith("https:", StringComparison.Ordinal)) is { } https ? ApiBase(https) : null;
    }

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    public HttpClient Client { get; }

    /// <summary>The https endpoint's API base (…/api/), or null when the host was started without one.</summary>
    public Uri? HttpsAddress { get; }
    public string ConnectionString { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => app.Services;
    public StorageOptions Storage => Services.GetRequiredService<IOptions<StorageOptions>>().Value;
    public TableServiceClient Tables => Services.GetRequiredService<TableServiceClient>();

    /// <param name="settings">Settings layered over everything else (e.g. host.json overrides).</param>
    /// <param name="services">Service overrides, applied after the app's own registrations so they win.</param>
    /// <param name="extraFunctions">Test functions hosted beside the app's own.</param>
    /// <param name="connectionString">Storage other than the shared Azurite (a test that takes its storage down owns one).</param>
    /// <param name="https">Also serve https on a free port, asking clients for a certificate (see <see cref="CreateHttpsClient"/>).</param>
    public static async Task<TestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        IEnumerable<FunctionMetadata>? extraFunctions = null,
        string? connectionString = null,
        bool https = false)
    {
        connectionString ??= await SharedAzurite.ConnectionStringAsync();
        var logs = new CapturedLogs();
        var functions = FunctionMetadataReader.Read(Path.Combine(AppContext.BaseDirectory, FunctionMetadataReader.FileName))
            .Concat(extraFunctions ?? []);
        var app = DevelopmentHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            var overrides = IsolatedStorage.Settings(IsolatedStorage.NewPrefix("t"));
            overrides["AzureWebJobsStorage"] = connectionString;
            // Load tests drive one key hard; the rate limit's own tests set it low.
            overrides["RateLimits:PermitsPerSecond"] = "10000";
            overrides["RateLimits:Burst"] = "10000";
            // Every test client is 127.0.0.1, and many tests send no key or a wrong one; the client-address limits' own tests set them low.
            overrides["RateLimits:UnauthenticatedPermitsPerSecond"] = "10000";
            overrides["RateLimits:UnauthenticatedBurst"] = "10000";
            overrides["RateLimits:FailedAuthenticationLimit"] = "10000";
            // Many tests pay dozens of times a minute with one sandbox card, which the default card velocity rule rightly holds
            // for review; risk screening's own tests (Risk/) turn it on.
            overrides["Risk:Enabled"] = "false";
            // Dozens of hosts share one Azurite on two cores in a test run: an answer can take seconds there, and a
            // timed-out try would be retried (the storage outage tests set their own, short, timeout).
            overrides["Storage:RequestTimeout"] = "00:00:30";
            if (https) overrides[HttpsEndpoint.UrlSetting] = "https://127.0.0.1:0";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
            builder.Configuration.AddInMemoryCollection(overrides);
            builder.Logging.AddProvider(logs);
        }, functions, services);
        await app.StartAsync();
        return new TestHost(app, connectionString, logs);
    }

    /// <summary>
    /// A client of the https endpoint that trusts exactly the certificate this host serves (nothing else, not the
    /// machine's roots) and presents <paramref name="clientCertificate"/>, if any, when the server asks for one.
    /// </summary>
    public HttpClient CreateHttpsClient(X509Certificate2? clientCertificate)
    {
        var address = HttpsAddress ?? throw new InvalidOperationException("This host serves no https: start it with https: true (HostedTest.UsesHttps).");
        var server = Services.GetRequiredService<ServerCertificate>().Certificate;
        var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(server.RawData),
        };
        if (clientCertificate is not null) handler.ClientCertificates.Add(clientCertificate);
        return new HttpClient(handler) { BaseAddress = address, Timeout = ClientTimeout };
    }

    /// <param name="version">An <c>EF-Version</c> to send; none: the merchant's pinned version.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null, string? idempotencyKey = null, string? version = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (version is not null) request.Headers.Add("EF-Version", version);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is string raw) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        return await Client.SendAsync(request);
    }

    public async Task<CreatedMerchant> CreateMerchantAsync(string name = "Ride Co")
    {
        using var response = await SendAsync(HttpMethod.Post, "v1/merchants", AdminKey, new { name, country = "US", default_currency = "usd" });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"Creating a merchant answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var keys = json.RootElement.GetProperty("api_keys");
        return new CreatedMerchant(json.RootElement.GetProperty("id").GetString()!, keys.GetProperty("secret_test").GetString()!, keys.GetProperty("publishable_test").GetString()!);
    }

    /// <summary>Every entity of every table of this host, as text, to scan for what must never be stored.</summary>
    /// <param name="auditTrail">Whether the audit table is included: a test that proves a request changed nothing leaves it out, since every request is audited (and moves its scope's chain head).</param>
    public async Task<IReadOnlyList<string>> DumpTablesAsync(bool auditTrail = true)
    {
        var rows = new List<string>();
        foreach (var table in auditTrail ? new[] { Storage.StateTable, Storage.AuditTable, Storage.SecretsTable } : [Storage.StateTable, Storage.SecretsTable])
        {
            await foreach (var entity in Tables.GetTableClient(table).QueryAsync<TableEntity>())
            {
                rows.Add(string.Join(" ", entity.Select(pair => $"{pair.Key}={Render(pair.Value)}")));
            }
        }
        return rows;
    }

    public async Task<int> CountRowsAsync(string kind)
    {
        var (from, to) = StateTable.RowKeyRange(kind);
        var count = 0;
        await foreach (var _ in Tables.GetTableClient(Storage.StateTable).QueryAsync<TableEntity>($"RowKey ge '{from}' and RowKey lt '{to}'")) count++;
        return count;
    }

    /// <summary>How many events of a type a merchant scope holds.</summary>
    public async Task<int> CountEventsAsync(string scope, string type)
    {
        var count = 0;
        await foreach (var _ in Tables.GetTableClient(Storage.StateTable).QueryAsync<TableEntity>(row =>
            row.PartitionKey == scope && row.GetString("Type") == type && row.RowKey.CompareTo("event|") > 0 && row.RowKey.CompareTo("event}") < 0)) count++;
        return count;
    }

    /// <summary>How many messages every poison queue of this host holds (a missing queue holds none).</summary>
    public async Task<int> CountPoisonedAsync()
    {
        var queues = Services.GetRequiredService<QueueServiceClient>();
        var count = 0;
        foreach (var name in Services.GetRequiredService<IOptions<QueueNames>>().Value.All)
        {
            var poison = queues.GetQueueClient(name + "-poison");
            if (!await poison.ExistsAsync()) continue;
            count += (await poison.PeekMessagesAsync(32)).Value.Length;
        }
        return count;
    }

    /// <summary>How many messages one of this host's queues holds, hidden ones (a retry waiting for its time) included; a missing queue holds none.</summary>
    public async Task<int> CountQueuedAsync(Func<QueueNames, string> queue)
    {
        var client = Services.GetRequiredService<QueueServiceClient>().GetQueueClient(queue(Services.GetRequiredService<IOptions<QueueNames>>().Value));
        return await client.ExistsAsync() ? (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    /// <summary>How many rows a partition of the work table holds (due or not): e.g. the delivery checks still scheduled.</summary>
    public async Task<int> CountWorkRowsAsync(string partition)
    {
        var count = 0;
        await foreach (var _ in Tables.GetTableClient(Storage.WorkTable).QueryAsync<TableEntity>(row => row.PartitionKey == partition)) count++;
        return count;
    }

    /// <summary>
    /// Whether every webhook this host could still send has been sent: no event left in the outbox (rows, or a nudge
    /// carrying them) and no delivery queued, visible or hidden until a retry's time. A delivery queues its retry before it
    /// records its attempt and its message goes only after both, so once this holds no webhook is on its way.
    /// </summary>
    public async Task<bool> WebhooksIdleAsync() =>
        await CountQueuedAsync(names => names.Outbox) == 0 && await CountRowsAsync("outbox") == 0 && await CountQueuedAsync(names => names.Webhooks) == 0;

    private static Uri ApiBase(string address) => new(address.TrimEnd('/') + "/api/");

    private static string? Render(object? value) => value is byte[] bytes ? Convert.ToBase64String(bytes) + " " + Encoding.UTF8.GetString(bytes) : value?.ToString();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record CreatedMerchant(string Id, string SecretKey, string PublishableKey);
