using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Audit;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace EmbeddedFinance.Integration.Tests.Audit;

/// <summary>The audit trail is a hash chain per scope: an edited, deleted or missing entry is found, and concurrent writers never fork it.</summary>
public sealed class AuditChainTests(ITestOutputHelper output) : HostedTest
{
    private const int Writes = 5;

    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        var (scope, _) = await AuditedScopeAsync();

        var report = await VerifyAsync(scope);

        Assert.True(report.GetProperty("valid").GetBoolean());
        Assert.Equal(Writes, report.GetProperty("checked").GetInt64());
        Assert.Equal(Writes, report.GetProperty("head_sequence").GetInt64());
        Assert.False(report.TryGetProperty("first_break", out var broken) && broken.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Editing_one_entry_is_found_at_that_entry()
    {
        var (scope, table) = await AuditedScopeAsync();
        var row = (await table.GetEntityAsync<TableEntity>(scope, AuditRows.Chained(3))).Value;
        row["Status"] = 201;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var broken = await BreakAsync(scope);

        Assert.Equal((3, "hash_mismatch", row.GetString("EntryId")), (broken.GetProperty("sequence").GetInt64(), broken.GetProperty("reason").GetString(), broken.GetProperty("entry_id").GetString()));
    }

    [Fact]
    public async Task Deleting_one_entry_is_found_where_it_was()
    {
        var (scope, table) = await AuditedScopeAsync();
        await table.DeleteEntityAsync(scope, AuditRows.Chained(2));

        var broken = await BreakAsync(scope);

        Assert.Equal((2, "entry_missing"), (broken.GetProperty("sequence").GetInt64(), broken.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Deleting_the_last_entry_or_the_head_is_found()
    {
        var (scope, table) = await AuditedScopeAsync();
        await table.DeleteEntityAsync(scope, AuditRows.Chained(Writes));
        Assert.Equal((Writes, "entry_missing"), Reason(await BreakAsync(scope)));

        var (other, _) = await AuditedScopeAsync();
        await table.DeleteEntityAsync(other, AuditRows.Head);
        Assert.Equal("head_mismatch", Reason(await BreakAsync(other)).Reason);
    }

    [Fact]
    public async Task Rewriting_an_entry_and_its_own_hash_without_the_key_is_found()
    {
        var (scope, table) = await AuditedScopeAsync();
        var row = (await table.GetEntityAsync<TableEntity>(scope, AuditRows.Chained(4))).Value;
        // A forger with table access but not the key: a plain SHA-256 where the HMAC belongs.
        row["Action"] = "merchants.read";
        row["Hash"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("forged"u8.ToArray()));
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal((4, "hash_mismatch"), Reason(await BreakAsync(scope)));
    }

    [Fact]
    public async Task Many_parallel_requests_keep_one_valid_chain()
    {
        var merchant = await Host.CreateMerchantAsync();
        var scope = MerchantScope.Of(merchant.Id, Mode.Test);
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => ForbiddenWriteAsync(merchant.SecretKey)));
        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Forbidden, status));

        var report = await VerifyAsync(scope);

        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Equal(60, report.GetProperty("checked").GetInt64());
    }

    [Fact]
    public async Task Writers_on_several_instances_race_for_the_head_without_forking_the_chain()
    {
        // Four instances' audit logs, each with its own head in memory, all writing one scope at once.
        var logs = Enumerable.Range(0, 4).Select(_ => NewLog(Host.Tables)).Prepend(Host.Services.GetRequiredService<TableAuditLog>()).ToList();
        var scope = MerchantScope.Of($"acct_{Guid.NewGuid():N}", Mode.Live);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => logs[i % logs.Count].RecordAsync(Entry(scope, i), CancellationToken.None)));

        var report = await VerifyAsync(scope);

        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Equal(100, report.GetProperty("checked").GetInt64());
    }

    [Fact]
    public async Task An_audited_write_costs_one_storage_call_once_the_head_is_known()
    {
        var calls = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(calls, HttpPipelinePosition.PerCall);
        var log = NewLog(new TableServiceClient(Host.ConnectionString, options));
        var scope = MerchantScope.Of($"acct_{Guid.NewGuid():N}", Mode.Live);

        for (var i = 0; i < 20; i++) await log.RecordAsync(Entry(scope, i), CancellationToken.None);
        var sequential = calls.Count;
        calls.Count = 0;
        await Task.WhenAll(Enumerable.Range(20, 50).Select(i => log.RecordAsync(Entry(scope, i), CancellationToken.None)));
        var concurrent = calls.Count;

        output.WriteLine($"20 sequential audit writes: {sequential} storage calls; 50 concurrent: {concurrent}");
        Assert.Equal(20 + 1, sequential); // one head read, then one transaction each
        Assert.InRange(concurrent, 1, 50);
        Assert.True((await VerifyAsync(scope)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Only_the_admin_may_verify_and_the_scope_is_required()
    {
        var merchant = await Host.CreateMerchantAsync();
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, $"v1/admin/audit/verify?scope={MerchantScope.Of(merchant.Id, Mode.Test)}", merchant.SecretKey), 403, "forbidden");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, "v1/admin/audit/verify", TestHost.AdminKey), 400, "parameter_missing");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, "v1/admin/audit/verify?scope=a%2Fb", TestHost.AdminKey), 400, "parameter_invalid");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, "v1/admin/audit/verify?scope=platform&limit=3", TestHost.AdminKey), 400, "parameter_unknown");
    }

    private static (long Sequence, string Reason) Reason(JsonElement broken) => (broken.GetProperty("sequence").GetInt64(), broken.GetProperty("reason").GetString()!);

    private TableAuditLog NewLog(TableServiceClient tables) =>
        new(tables, Host.Services.GetRequiredService<IOptions<EmbeddedFinance.Azure.Storage.StorageOptions>>(), Host.Services.GetRequiredService<AuditChain>());

    private static AuditEntry Entry(string scope, int i) =>
        new($"aud_{i:D6}", scope, "key_test", "payments.create", 201, null, false, $"req_{i}", DateTimeOffset.UtcNow);

    /// <summary>A fresh merchant scope with <see cref="Writes"/> audited writes (each a 403: merchants may not create merchants).</summary>
    private async Task<(string Scope, TableClient Table)> AuditedScopeAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        for (var i = 0; i < Writes; i++) Assert.Equal(HttpStatusCode.Forbidden, await ForbiddenWriteAsync(merchant.SecretKey));
        return (MerchantScope.Of(merchant.Id, Mode.Test), Host.Tables.GetTableClient(Host.Storage.AuditTable));
    }

    private async Task<HttpStatusCode> ForbiddenWriteAsync(string key)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/merchants", key, new { name = "Not Mine", country = "US", default_currency = "usd" });
        return response.StatusCode;
    }

    private async Task<JsonElement> VerifyAsync(string scope)
    {
        using var response = await Host.SendAsync(HttpMethod.Get, $"v1/admin/audit/verify?scope={Uri.EscapeDataString(scope)}", TestHost.AdminKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> BreakAsync(string scope)
    {
        var report = await VerifyAsync(scope);
        Assert.False(report.GetProperty("valid").GetBoolean());
        return report.GetProperty("first_break");
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public int Count;

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref Count);
    }
}
