using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmbeddedFinance.Functions.OpenApi;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Json.Schema;

namespace EmbeddedFinance.Integration.Tests.OpenApi;

/// <summary>
/// Real responses of the host, over the socket, against the schema the served document gives their route, method
/// and status: a record whose members change without its schema (or a route answering a shape it does not
/// document) fails here.
/// </summary>
public sealed class OpenApiResponseTests : IAsyncLifetime
{
    private static readonly JsonObject Document = JsonNode.Parse(OpenApiDocument.Json)!.AsObject();
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private TestHost host = null!;
    private readonly List<string> failures = [];
    private int checkedResponses;

    public async Task InitializeAsync() => host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Responses_of_every_kind_of_object_match_the_schemas_of_their_routes()
    {
        var merchant = await CheckAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, new { name = "Schema Co", country = "US", default_currency = "usd" });
        var secret = merchant.GetProperty("api_keys").GetProperty("secret_test").GetString()!;
        var publishable = merchant.GetProperty("api_keys").GetProperty("publishable_test").GetString()!;

        var token = await CheckAsync(HttpMethod.Post, "v1/tokens", publishable, new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2040, cvc = "123" } });
        var account = await CheckAsync(HttpMethod.Post, "v1/accounts", secret, new
        {
            display_name = "Driver", email = "driver@example.com", country = "US", default_currency = "usd",
            payout_destination = new { type = "bank_account", country = "US", currency = "usd", routing_number = "110000000", account_number = "000123456789" },
        });
        var accountId = account.GetProperty("id").GetString()!;
        await CheckAsync(HttpMethod.Get, $"v1/accounts/{accountId}", secret);
        await CheckAsync(HttpMethod.Get, "v1/accounts", secret);

        var payment = await CheckAsync(HttpMethod.Post, "v1/payments", secret, new
        {
            amount = 2000, currency = "usd", payment_method = token.GetProperty("id").GetString(), capture_method = "manual", application_fee_amount = 200,
            splits = new[] { new { account = accountId, amount = 1800 } }, description = "Ride 8841", metadata = new { ride_id = "8841" },
        }, idempotent: true);
        var paymentId = payment.GetProperty("id").GetString()!;
        await CheckAsync(HttpMethod.Post, $"v1/payments/{paymentId}/capture", secret, new { amount = 2000 });
        await CheckAsync(HttpMethod.Post, $"v1/payments/{paymentId}/refunds", secret, new { amount = 500 }, idempotent: true);
        await CheckAsync(HttpMethod.Get, $"v1/payments/{paymentId}", secret);
        await CheckAsync(HttpMethod.Get, "v1/payments", secret);
        await CheckAsync(HttpMethod.Get, $"v1/accounts/{accountId}/balance", secret);
        await CheckAsync(HttpMethod.Get, "v1/ledger/transactions", secret);

        var declinedToken = await CheckAsync(HttpMethod.Post, "v1/tokens", publishable, new { card = new { number = "4000000000000002", exp_month = 12, exp_year = 2040, cvc = "123" } });
        await CheckAsync(HttpMethod.Post, "v1/payments", secret, new { amount = 1000, currency = "usd", payment_method = declinedToken.GetProperty("id").GetString() }, idempotent: true);
        await CheckAsync(HttpMethod.Post, "v1/payouts", secret, new { account = accountId, amount = 999999, currency = "usd", method = "standard" }, idempotent: true);
        await CheckAsync(HttpMethod.Get, "v1/payouts", secret);

        var endpoint = await CheckAsync(HttpMethod.Post, "v1/webhook_endpoints", secret, new { url = "https://example.com/hooks", enabled_events = new[] { "*" } });
        var endpointId = endpoint.GetProperty("id").GetString()!;
        await CheckAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{endpointId}", secret, new { description = "Main", status = "disabled" });
        await CheckAsync(HttpMethod.Post, $"v1/webhook_endpoints/{endpointId}/rotate_secret", secret, new { expire_previous_in_seconds = 60 });
        await CheckAsync(HttpMethod.Get, "v1/webhook_endpoints", secret);
        await CheckAsync(HttpMethod.Delete, $"v1/webhook_endpoints/{endpointId}", secret);
        await CheckAsync(HttpMethod.Get, "v1/events", secret);

        var restricted = await CheckAsync(HttpMethod.Post, "v1/api_keys", secret, new { name = "Reporting", permissions = new { payments = "read", ledger = "read" }, expires_at = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds() });
        var restrictedId = restricted.GetProperty("id").GetString()!;
        await CheckAsync(HttpMethod.Post, "v1/payments", restricted.GetProperty("secret").GetString(), new { amount = 1000, currency = "usd", payment_method = "tok_x" }, idempotent: true);
        await CheckAsync(HttpMethod.Post, "v1/api_keys", secret, new { name = "Bad", permissions = new { cards = "read" } });
        await CheckAsync(HttpMethod.Get, "v1/api_keys", secret);
        var rolled = await CheckAsync(HttpMethod.Post, $"v1/api_keys/{restrictedId}/roll", secret, new { expire_previous_in_seconds = 60 });
        await CheckAsync(HttpMethod.Post, $"v1/api_keys/{restrictedId}/roll", secret, new { });
        await CheckAsync(HttpMethod.Delete, $"v1/api_keys/{rolled.GetProperty("id").GetString()}", secret);
        await CheckAsync(HttpMethod.Delete, "v1/api_keys/key_0000000000000000000000000", secret);

        await CheckAsync(HttpMethod.Get, "v1/payments/pay_0000000000000000000000000", secret);
        await CheckAsync(HttpMethod.Get, "v1/payments", key: null);
        await CheckAsync(HttpMethod.Get, "health", key: null);
        await CheckAsync(HttpMethod.Get, "health", TestHost.AdminKey);

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedResponses} responses do not match their schemas:\n" + string.Join("\n", failures));
    }

    private async Task<JsonElement> CheckAsync(HttpMethod method, string path, string? key, object? body = null, bool idempotent = false)
    {
        using var response = await host.SendAsync(method, path, key, body, idempotent ? Guid.NewGuid().ToString() : null);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var name = SchemaOf(method, "/" + path, status, response.Content.Headers.ContentType?.MediaType);
        checkedResponses++;
        using var json = JsonDocument.Parse(text);
        if (name is null)
        {
            failures.Add($"{method} /{path} {status}: the document gives no schema for this response: {text}");
            return json.RootElement.Clone();
        }
        var results = Schema(name).Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"));
            failures.Add($"{method} /{path} {status} against {name}: {string.Join("; ", errors)}\n    {text}");
        }
        return json.RootElement.Clone();
    }

    /// <summary>The schema the document gives a route's response: its own, or the one of a <c>4XX</c> or shared response it refers to.</summary>
    private static string? SchemaOf(HttpMethod method, string path, int status, string? mediaType)
    {
        var operation = Document["paths"]!.AsObject()
            .Where(route => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(route.Key), @"\\\{[^}]+}", "[^/]+") + "$"))
            .Select(route => route.Value![method.Method.ToLowerInvariant()])
            .FirstOrDefault(found => found is not null);
        var responses = operation?["responses"];
        var response = responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?[$"{status / 100}XX"] ?? responses?["default"];
        if (response?["$ref"] is { } shared) response = Resolve(shared.GetValue<string>());
        var schema = response?["content"]?[mediaType ?? "application/json"]?["schema"];
        return schema?["$ref"]?.GetValue<string>().Split('/')[^1];
    }

    private static JsonNode? Resolve(string pointer) =>
        pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)Document, (node, key) => node?[key]);

    /// <summary>A component schema as a JSON Schema 2020-12 document, the other components beside it under <c>$defs</c>.</summary>
    private static JsonSchema Schema(string name) => Schemas.GetOrAdd(name, _ =>
    {
        var definitions = Document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var text = $$"""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/{{name}}", "$defs": {{definitions}} }""";
        return JsonSchema.FromText(text, baseUri: new Uri($"https://embeddedfinance.test/openapi/{name}"));
    });
}
