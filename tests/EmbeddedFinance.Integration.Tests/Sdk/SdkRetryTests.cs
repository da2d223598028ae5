using System.Diagnostics;
using System.Net;
using EmbeddedFinance.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// The SDK's own retries, against a scripted server on 127.0.0.1: connection failures, 429 and 503 are retried with
/// the same Idempotency-Key and after the server's <c>Retry-After</c>; a 4xx or a 500 never is.
/// </summary>
public sealed class SdkRetryTests
{
    private const string PaymentJson = """{"id":"pay_1","object":"payment","amount":2000,"amount_captured":2000,"amount_refunded":0,"currency":"usd","status":"succeeded","capture_method":"automatic","application_fee_amount":0,"splits":[],"card":{"token":"tok_1","brand":"visa","last4":"4242","exp_month":12,"exp_year":2030,"fingerprint":"f"},"created":1,"livemode":false,"metadata":{}}""";

    private static readonly CreatePaymentRequest Charge = new() { Amount = 2000, Currency = "usd", PaymentMethod = "tok_1" };

    private static Func<HttpContext, Task> Created => context =>
    {
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(PaymentJson);
    };

    private static EmbeddedFinanceClient Client(RetryStub stub) => new(new EmbeddedFinanceClientOptions
    {
        ApiKey = "sk_test_stub",
        ApiBase = stub.ApiBase,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    });

    [Fact]
    public async Task A_503_twice_then_201_is_one_call_sending_one_Idempotency_Key_three_times_after_each_Retry_After()
    {
        await using var stub = await RetryStub.StartAsync(Created, RetryStub.Status(503, "1"), RetryStub.Status(503, "1"));
        using var client = Client(stub);
        var clock = Stopwatch.StartNew();

        var payment = await client.Payments.CreateAsync(Charge);

        Assert.Equal("pay_1", payment.Id);
        var requests = stub.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, request => Assert.Equal(("POST", "/api/v1/payments"), (request.Method, request.Path)));
        Assert.NotNull(requests[0].IdempotencyKey);
        Assert.All(requests, request => Assert.Equal(requests[0].IdempotencyKey, request.IdempotencyKey));
        // Two waits of Retry-After: 1 s, where the client's own back-off would have waited about 10 ms and 20 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {clock.Elapsed.TotalMilliseconds} ms in all");
    }

    [Fact]
    public async Task A_429_is_retried_with_the_same_key_and_a_dropped_connection_too()
    {
        await using var stub = await RetryStub.StartAsync(Created, RetryStub.Status(429, "0"), RetryStub.DropConnection);
        using var client = Client(stub);

        await client.Payments.CreateAsync(Charge);

        var keys = stub.Requests.Select(request => request.IdempotencyKey).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task Each_logical_call_has_its_own_key_and_a_caller_key_is_sent_as_given()
    {
        await using var stub = await RetryStub.StartAsync(Created);
        using var client = Client(stub);

        await client.Payments.CreateAsync(Charge);
        await client.Payments.CreateAsync(Charge);
        await client.Payments.CreateAsync(Charge, new RequestOptions { IdempotencyKey = "order-42" });

        var keys = stub.Requests.Select(request => request.IdempotencyKey).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal("order-42", keys[2]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(500)]
    public async Task Any_other_error_is_never_retried_and_throws_one_ApiException_with_the_problem(int status)
    {
        await using var stub = await RetryStub.StartAsync(Created, RetryStub.Status(status, "0"));
        using var client = Client(stub);

        var failure = await Assert.ThrowsAsync<ApiException>(() => client.Payments.CreateAsync(Charge));

        Assert.Single(stub.Requests);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(("parameter_invalid", "amount", "req_stub"), (failure.Code, failure.Param, failure.RequestId));
        Assert.Equal("scripted", failure.Problem!.Value.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Retries_give_up_after_MaxRetries_and_throw_the_last_answer()
    {
        await using var stub = await RetryStub.StartAsync(RetryStub.Status(503, "0"));
        using var client = new EmbeddedFinanceClient(new EmbeddedFinanceClientOptions { ApiKey = "sk_test_stub", ApiBase = stub.ApiBase, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var failure = await Assert.ThrowsAsync<ApiException>(() => client.Payments.CreateAsync(Charge));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task The_client_from_dependency_injection_retries_alike()
    {
        await using var stub = await RetryStub.StartAsync(Created, RetryStub.Status(503, "0"));
        await using var services = new ServiceCollection()
            .AddEmbeddedFinanceClient(options => (options.ApiKey, options.ApiBase, options.RetryBaseDelay) = ("sk_test_stub", stub.ApiBase, TimeSpan.FromMilliseconds(10)))
            .Services.BuildServiceProvider();

        var payment = await services.GetRequiredService<EmbeddedFinanceClient>().Payments.CreateAsync(Charge);

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Single(stub.Requests.Select(request => request.IdempotencyKey).Distinct());
    }
}
