using System.Net;
using System.Reflection;
using System.Text.Json;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using Json.Schema;

namespace EmbeddedFinance.Integration.Tests.Events;

/// <summary>
/// <c>GET /v1/event_types</c>: every type the code can emit is in the catalog, and every event a run emitting each
/// type produces validates against its type's schema (JsonSchema.Net, not our generator, judges).
/// </summary>
public sealed class EventCatalogTests : HostedTest
{
    private const string DisputedCard = "4000000000000259";
    private const string DeclinedCard = "4000000000000002";
    private const string FailingAccountNumber = "000111111116";

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payouts:SandboxReportAfter"] = "00:00:00",
        ["Disputes:SandboxAfter"] = "00:00:01",
        ["Disputes:SandboxDecideAfter"] = "00:00:00",
        ["Schedules:SandboxDisputes"] = "*/1 * * * * *",
        ["Risk:Enabled"] = "true",
    };

    [Fact]
    public async Task Every_event_type_constant_is_in_the_catalog_with_a_description_and_a_2020_12_schema_of_its_object()
    {
        var constants = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet();
        var merchant = await Host.CreateMerchantAsync();

        var catalog = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Get, "v1/event_types", merchant.SecretKey), HttpStatusCode.OK);

        var types = catalog.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(constants.Order(StringComparer.Ordinal), types.Select(type => type.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
        Assert.All(types, type =>
        {
            Assert.False(string.IsNullOrWhiteSpace(type.GetProperty("description").GetString()));
            var schema = type.GetProperty("schema");
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
            Assert.Equal("object", schema.GetProperty("type").GetString());
            Assert.DoesNotContain("#/components/", schema.GetRawText(), StringComparison.Ordinal);
            JsonSchema.FromText(schema.GetRawText());
        });
        var payment = types.Single(type => type.GetProperty("name").GetString() == "payment.succeeded").GetProperty("schema");
        Assert.Contains("amount", payment.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
        // The schema judges: a payment without its members, or with a string amount, is refused.
        using var partial = JsonDocument.Parse("""{"id":"pay_1","object":"payment"}""");
        Assert.False(JsonSchema.FromText(payment.GetRawText()).Evaluate(partial.RootElement).IsValid);
    }

    [Fact]
    public async Task Every_event_of_a_run_that_emits_every_type_validates_against_its_types_schema()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        var webhooks = new WebhookClient(Host, merchant.SecretKey);
        await webhooks.CreateEndpointAsync(Receiver.Url("gone", Answers.Always(410)), "account.created");

        // Accounts, payments in every state, settlement, payouts paid and failed, a negative balance.
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{driver}", merchant.SecretKey, new { payout_schedule = new { interval = "daily", delay_days = 2 } }), HttpStatusCode.OK);
        var token = await client.TokenAsync();
        var ride = (await client.PayAsync(token, 5_500, fee: 500, splits: [new { account = driver, amount = 5_000 }])).GetProperty("id").GetString()!;
        await Problem.AssertAsync(await client.PostAsync("v1/payments", new { amount = 1_000, currency = "usd", payment_method = await client.TokenAsync(DeclinedCard) }, Guid.NewGuid().ToString()), 402, "card_declined");
        var held = (await client.PayAsync(token, 2_000, capture: false)).GetProperty("id").GetString()!;
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{held}/capture", null, Guid.NewGuid().ToString()), HttpStatusCode.OK);
        var canceled = (await client.PayAsync(token, 2_000, capture: false)).GetProperty("id").GetString()!;
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{canceled}/cancel", null, Guid.NewGuid().ToString()), HttpStatusCode.OK);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == 5_000, "the ride settled");
        await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 5_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "in_transit") == 0, "the payout paid");
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{ride}/refunds", new { amount = 3_000 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        var closed = await client.AccountAsync("Closed", PaymentClient.UsBank(FailingAccountNumber));
        await client.PayAsync(token, 2_000, splits: [new { account = closed, amount = 2_000 }]);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(closed, "available") == 2_000, "the second ride settled");
        await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = closed, amount = 1_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        // A dispute opened, answered, submitted and lost.
        var disputed = (await client.PayAsync(await client.TokenAsync(DisputedCard), 3_000)).GetProperty("id").GetString()!;
        string? dispute = null;
        await Eventually.HoldsAsync(async () =>
        {
            var list = await PaymentClient.ExpectAsync(await client.GetAsync("v1/disputes"), HttpStatusCode.OK);
            dispute = list.GetProperty("data").EnumerateArray().Where(d => d.GetProperty("payment").GetString() == disputed).Select(d => d.GetProperty("id").GetString()).FirstOrDefault();
            return dispute is not null;
        }, "the dispute opened");
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/disputes/{dispute}", new { evidence = new { uncategorized_text = "losing_evidence" }, submit = true }, Guid.NewGuid().ToString()), HttpStatusCode.OK);

        // Risk screening holds a payment by the sandbox's elevated card for review; the merchant approves it.
        var reviewed = (await client.PayAsync(await client.TokenAsync(SandboxRiskCards.Elevated), 2_000)).GetProperty("id").GetString()!;
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{reviewed}/approve", null, Guid.NewGuid().ToString()), HttpStatusCode.OK);

        // Going live: the operator approves the merchant's live access request.
        var live = await PaymentClient.ExpectAsync(await client.PostAsync("v1/live_access_requests", new { business = new { legal_name = "Ride Co", country = "US", website = "https://ride.example" } }), HttpStatusCode.Created);
        await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/live_access_requests/{live.GetProperty("id").GetString()}/approve", TestHost.AdminKey, new { }), HttpStatusCode.OK);

        List<JsonElement> events = [];
        await Eventually.HoldsAsync(async () =>
        {
            events = await AllEventsAsync(webhooks);
            return EventTypes.All.All(type => events.Any(e => e.GetProperty("type").GetString() == type));
        }, "an event of every type", seconds: 40, state: () => "missing: " + string.Join(", ", EventTypes.All.Where(type => !events.Any(e => e.GetProperty("type").GetString() == type))));

        var catalog = (await webhooks.GetAsync("v1/event_types")).GetProperty("data").EnumerateArray()
            .ToDictionary(type => type.GetProperty("name").GetString()!, type => JsonSchema.FromText(type.GetProperty("schema").GetRawText()));
        var failures = new List<string>();
        foreach (var platformEvent in events)
        {
            var type = platformEvent.GetProperty("type").GetString()!;
            var result = catalog[type].Evaluate(platformEvent.GetProperty("data").GetProperty("object"), new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                var errors = (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                    .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"));
                failures.Add($"{type} {platformEvent.GetProperty("id").GetString()}: {string.Join("; ", errors)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(events.Count >= EventTypes.All.Count);
    }

    private static async Task<List<JsonElement>> AllEventsAsync(WebhookClient webhooks)
    {
        var all = new List<JsonElement>();
        string? after = null;
        while (true)
        {
            var page = await webhooks.GetAsync("v1/events?limit=100" + (after is null ? "" : $"&starting_after={after}"));
            var data = page.GetProperty("data").EnumerateArray().ToList();
            all.AddRange(data);
            if (!page.GetProperty("has_more").GetBoolean() || data.Count == 0) return all;
            after = data[^1].GetProperty("id").GetString();
        }
    }
}
