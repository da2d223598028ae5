using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Idempotency;
using EmbeddedFinance.Azure.Merchants;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.Versions;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>Invariant 4 on merchant creation: replay, 422 on a different body, 409 in flight, 24 h retention.</summary>
public sealed class IdempotencyTests : HostedTest
{
    private const string Body = """{"name":"Ride Co","country":"US","default_currency":"usd"}""";
    private const string OtherBody = """{"name":"Other Co","country":"GB","default_currency":"gbp"}""";

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly FailureInjection failures = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Idempotency:InFlightWait"] = "00:00:01" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(failures);
        services.AddSingleton<TableMerchantStore>();
        services.AddSingleton<IMerchantStore, FailingMerchantStore>();
    }

    private Task<string> FingerprintAsync(string body) => Host.Services.GetRequiredService<RequestFingerprinter>()
        .OfAsync("POST", ApiPipeline.FingerprintedPath("/api/v1/merchants", ApiVersions.Newest), JsonNode.Parse(body), [], CancellationToken.None);

    private Task<HttpResponseMessage> CreateAsync(string key, string body = Body) =>
        Host.SendAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, body, key);

    [Fact]
    public async Task The_same_key_and_body_replays_the_original_status_and_body_and_creates_one_merchant()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await CreateAsync(key);
        using var second = await CreateAsync(key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.NotEqual(first.Headers.GetValues("Request-Id").Single(), second.Headers.GetValues("Request-Id").Single());
        Assert.Equal(1, failures.Commits);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_writes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await CreateAsync(key);
        var merchants = await Host.CountRowsAsync("merchant");

        using var reused = await CreateAsync(key, OtherBody);

        await Problem.AssertAsync(reused, 422, "idempotency_key_reused", "Idempotency-Key");
        Assert.Equal(merchants, await Host.CountRowsAsync("merchant"));
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_is_in_flight_is_409()
    {
        var key = Guid.NewGuid().ToString();
        var store = Host.Services.GetRequiredService<IIdempotencyStore>();
        var fingerprint = await FingerprintAsync(Body);
        Assert.IsType<IdempotencyBegin.Acquired>(await store.BeginAsync(new Caller.Admin().Scope, key, fingerprint, CancellationToken.None));

        using var concurrent = await CreateAsync(key);

        await Problem.AssertAsync(concurrent, 409, "idempotency_request_in_flight", "Idempotency-Key");
    }

    [Fact]
    public async Task A_hundred_parallel_requests_with_one_key_create_exactly_one_merchant_and_agree_on_its_body()
    {
        var key = Guid.NewGuid().ToString();
        var merchantsBefore = await Host.CountRowsAsync("merchant");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await CreateAsync(key);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
        using var after = await CreateAsync(key);
        var settled = await after.Content.ReadAsStringAsync();

        Assert.Equal(merchantsBefore + 1, await Host.CountRowsAsync("merchant"));
        Assert.All(responses, response => Assert.True(response.Item1 is 201 or 409, $"unexpected {response.Item1}: {response.Item2}"));
        var created = responses.Where(response => response.Item1 == 201).Select(response => response.Item2).ToList();
        Assert.NotEmpty(created);
        Assert.All(created, body => Assert.Equal(settled, body));
        Assert.All(responses.Where(response => response.Item1 == 409), response => Assert.Contains("idempotency_request_in_flight", response.Item2));
    }

    [Fact]
    public async Task A_key_is_kept_24_hours_then_expires_and_is_purged()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await CreateAsync(key);
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        using var stillKept = await CreateAsync(key, OtherBody);
        await Problem.AssertAsync(stillKept, 422, "idempotency_key_reused");

        clock.Advance(TimeSpan.FromMinutes(2));
        var purged = await Host.Services.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(CancellationToken.None);
        using var afterExpiry = await CreateAsync(key, OtherBody);

        Assert.True(purged >= 1);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.StatusCode);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await afterExpiry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unexpected_failure_frees_the_key_so_a_retry_succeeds_and_nothing_is_half_written()
    {
        var key = Guid.NewGuid().ToString();
        var merchantsBefore = await Host.CountRowsAsync("merchant");
        var keysBefore = await Host.CountRowsAsync("apikey");
        failures.FailNextCommit = true;

        using var failed = await CreateAsync(key);
        // Storage lost mid-request is 503 service_unavailable (retry with the same key), not a 500.
        await Problem.AssertAsync(failed, 503, "service_unavailable");
        Assert.Equal(merchantsBefore, await Host.CountRowsAsync("merchant"));
        Assert.Equal(keysBefore, await Host.CountRowsAsync("apikey"));

        using var retried = await CreateAsync(key);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(merchantsBefore + 1, await Host.CountRowsAsync("merchant"));
        Assert.Equal(keysBefore + 2, await Host.CountRowsAsync("apikey"));
    }

    [Fact]
    public async Task A_response_lost_after_the_commit_is_replayed_to_the_retry_and_nothing_is_written_twice()
    {
        var key = Guid.NewGuid().ToString();
        var merchantsBefore = await Host.CountRowsAsync("merchant");
        failures.FailAfterCommit = true;

        using var lost = await CreateAsync(key);
        using var retried = await CreateAsync(key);

        // Storage lost mid-request is 503 service_unavailable (retry with the same key), not a 500.
        await Problem.AssertAsync(lost, 503, "service_unavailable");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(merchantsBefore + 1, await Host.CountRowsAsync("merchant"));
    }

    [Fact]
    public async Task A_request_abandoned_by_a_crash_blocks_its_key_only_until_the_in_flight_timeout()
    {
        var key = Guid.NewGuid().ToString();
        var store = Host.Services.GetRequiredService<IIdempotencyStore>();
        var fingerprint = await FingerprintAsync(Body);
        await store.BeginAsync(new Caller.Admin().Scope, key, fingerprint, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var retried = await CreateAsync(key);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task A_lease_taken_over_mid_request_fails_the_whole_batch_and_writes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var merchantsBefore = await Host.CountRowsAsync("merchant");
        var keysBefore = await Host.CountRowsAsync("apikey");
        failures.StealLeaseBeforeCommit = true;

        using var response = await CreateAsync(key);

        await Problem.AssertAsync(response, 409, "idempotency_request_in_flight");
        Assert.Equal(merchantsBefore, await Host.CountRowsAsync("merchant"));
        Assert.Equal(keysBefore, await Host.CountRowsAsync("apikey"));
    }

    public sealed class FailureInjection
    {
        public volatile bool FailNextCommit;
        public volatile bool StealLeaseBeforeCommit;
        public volatile bool FailAfterCommit;
        private int commits;

        public int Commits => commits;

        public void Committed() => Interlocked.Increment(ref commits);
    }

    /// <summary>The real store, with failures injected between the decision and the batch.</summary>
    private sealed class FailingMerchantStore(TableMerchantStore inner, FailureInjection failures, StateTable table) : IMerchantStore
    {
        public async Task CreateAsync(Merchant merchant, IReadOnlyList<ApiKeyRecord> keys, IdempotencyCompletion? completion, CancellationToken cancellationToken)
        {
            if (failures.FailNextCommit)
            {
                failures.FailNextCommit = false;
                throw new IOException("Injected: the process lost storage between deciding and committing.");
            }
            if (failures.StealLeaseBeforeCommit && completion is not null)
            {
                failures.StealLeaseBeforeCommit = false;
                // What a second request does when it takes over an expired lease: rewrites the record, changing its ETag.
                var row = IdempotencyRecords.RowKey(completion.Lease.Key);
                var record = (await table.Client.GetEntityAsync<TableEntity>(completion.Lease.Scope, row, cancellationToken: cancellationToken)).Value;
                await table.Client.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            await inner.CreateAsync(merchant, keys, completion, cancellationToken);
            failures.Committed();
            if (failures.FailAfterCommit)
            {
                failures.FailAfterCommit = false;
                throw new IOException("Injected: the batch committed, then the connection dropped before the answer.");
            }
        }

        public Task<Merchant?> GetAsync(string merchantId, CancellationToken cancellationToken) => inner.GetAsync(merchantId, cancellationToken);

        public Task UpdateApiVersionAsync(string merchantId, string apiVersion, CancellationToken cancellationToken) =>
            inner.UpdateApiVersionAsync(merchantId, apiVersion, cancellationToken);
    }
}
