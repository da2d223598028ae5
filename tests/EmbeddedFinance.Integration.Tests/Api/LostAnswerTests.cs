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
/// Storage commits an insert but its answer is lost (a timeout), so the SDK sends it again and gets 409: the
/// idempotency claim recognises its own record instead of answering the client "in flight" about itself.
/// </summary>
public sealed class LostAnswerTests : IAsyncLifetime
{
    private readonly LoseAnswerOfFirstClaim policy = new();
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await TestHost.StartAsync(services: services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            services.AddSingleton(provider => StorageClients.Tables(provider.GetRequiredService<IConfiguration>(), options));
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_payment_whose_idempotency_claim_landed_but_lost_its_answer_succeeds_once()
    {
        var client = new PaymentClient(host, await host.CreateMerchantAsync());
        var token = await client.TokenAsync();
        policy.Armed = true;

        var payment = await PaymentClient.ExpectAsync(await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "lost-answer-1"), HttpStatusCode.Created);

        Assert.True(policy.Lost, "no claim's answer was lost: the test did not exercise the retry");
        var again = await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "lost-answer-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(payment.GetProperty("id").GetString(), (await PaymentClient.ExpectAsync(again, HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    /// <summary>Sends the first in-flight idempotency insert (alone or in a group's batch) to storage, then throws as if its answer never came.</summary>
    private sealed class LoseAnswerOfFirstClaim : HttpPipelinePolicy
    {
        public volatile bool Armed;
        public volatile bool Lost;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (Armed && !Lost && message.Request.Method == RequestMethod.Post && message.Response.Status is 201 or 202 or 204 && Body(message).Contains("in_flight", StringComparison.Ordinal))
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
