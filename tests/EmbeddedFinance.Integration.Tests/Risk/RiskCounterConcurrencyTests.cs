using System.Net;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Risk;

/// <summary>
/// The card velocity counter under concurrency: two instances of the app on the same storage, many payments at once on
/// one card, and the counter holds exactly one attempt per payment (no lost update, nothing counted twice).
/// </summary>
public sealed class RiskCounterConcurrencyTests : IAsyncLifetime
{
    private const int PerInstance = 24;
    private TestHost first = null!;
    private TestHost second = null!;

    public async Task InitializeAsync()
    {
        var shared = IsolatedStorage.Settings(IsolatedStorage.NewPrefix("r"));
        shared["Risk:Enabled"] = "true";
        first = await TestHost.StartAsync(shared);
        second = await TestHost.StartAsync(shared);
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_payments_on_one_card_through_two_instances_count_exactly_and_a_replay_counts_nothing()
    {
        var merchant = await first.CreateMerchantAsync();
        var onFirst = new PaymentClient(first, merchant);
        var onSecond = new PaymentClient(second, merchant);
        await PaymentClient.ExpectAsync(await first.SendAsync(HttpMethod.Put, "v1/risk/rules", merchant.SecretKey, new { card_velocity = new { limit = 10_000 } }), HttpStatusCode.OK);
        var token = await onFirst.TokenAsync();
        var fingerprint = (await PaymentClient.ExpectAsync(await first.SendAsync(HttpMethod.Get, $"v1/tokens/{token}", merchant.SecretKey), HttpStatusCode.OK))
            .GetProperty("card").GetProperty("fingerprint").GetString()!;
        var body = new { amount = 1_000, currency = "usd", payment_method = token };

        var answers = await Task.WhenAll(Enumerable.Range(0, PerInstance * 2).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? onFirst : onSecond).CreateAsync(body, $"concurrent-{i}");
            return response.StatusCode;
        }));
        using var replay = await onSecond.CreateAsync(body, "concurrent-0");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(PerInstance * 2, await CountedAttemptsAsync(merchant.Id + ":test", fingerprint));
    }

    private async Task<int> CountedAttemptsAsync(string scope, string fingerprint)
    {
        var table = first.Tables.GetTableClient(first.Storage.RiskTable);
        var row = await table.GetEntityAsync<TableEntity>($"{scope}|{ActivityKey.Card}|{fingerprint}", "activity");
        return ActivitySeries.Parse(row.Value.GetString("Attempts")).CountWithin(DateTimeOffset.UtcNow, ActivitySeries.KeptSeconds);
    }
}
