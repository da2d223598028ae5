using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>
/// Storage commits a write but its answer is lost (a timeout), so the SDK sends it again and gets 409: the idempotency
/// claim recognises its own record instead of answering the client "in flight" about itself, and a state batch
/// answers 503 (outcome unknown) rather than 500, so the client's retry with its key replays what committed.
/// </summary>
public sealed class LostAnswerTests : HostedTest
{
    private readonly LoseAnswerOfFirst policy = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        services.AddSingleton(provider => StorageClients.Tables(provider.GetRequiredService<IConfiguration>(), options));
    }

    [Fact]
    public async Task A_payment_whose_idempotency_claim_landed_but_lost_its_answer_succeeds_once()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var token = await client.TokenAsync();
        policy.Arm(body => body.Contains("in_flight", StringComparison.Ordinal));

        var payment = await PaymentClient.ExpectAsync(await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "lost-answer-1"), HttpStatusCode.Created);

        Assert.True(policy.Lost, "no claim's answer was lost: the test did not exercise the retry");
        var again = await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "lost-answer-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(payment.GetProperty("id").GetString(), (await PaymentClient.ExpectAsync(again, HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_payment_whose_state_batch_committed_but_lost_its_answer_is_a_503_and_its_retry_replays_the_payment()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var token = await client.TokenAsync();
        policy.Arm(body => body.Contains("\"State\":\"completed\"", StringComparison.Ordinal) && body.Contains("payment|pay_", StringComparison.Ordinal));

        var first = await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "lost-answer-2");

        Assert.True(policy.Lost, "no state batch's answer was lost: the test did not exercise the retry");
        await Problem.AssertAsync(first, 503, "service_unavailable");
        var again = await PaymentClient.ExpectAsync(await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "lost-answer-2"), HttpStatusCode.Created);
        var list = await PaymentClient.ExpectAsync(await client.GetAsync("v1/payments?limit=10"), HttpStatusCode.OK);
        Assert.Equal([again.GetProperty("id").GetString()], list.GetProperty("data").EnumerateArray().Select(payment => payment.GetProperty("id").GetString()));
    }

    /// <summary>Sends the first request whose body matches to storage, then throws as if its answer never came (the SDK then retries it).</summary>
    private sealed class LoseAnswerOfFirst : HttpPipelinePolicy
    {
        private Func<string, bool>? matches;

        public volatile bool Lost;

        public void Arm(Func<string, bool> body)
        {
            Lost = false;
            matches = body;
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (matches is { } match && !Lost && message.Request.Method == RequestMethod.Post && message.Response.Status is 201 or 202 or 204 && match(Body(message)))
            {
                Lost = true;
                throw new IOException("The answer was lost on its way back.");
            }
        }

        private static string Body(HttpMessage message)
        {
            if (message.Request.Content is null) return "";
            using var buffer = new MemoryStream();
            message.Request.Content.WriteTo(buffer, CancellationToken.None);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
