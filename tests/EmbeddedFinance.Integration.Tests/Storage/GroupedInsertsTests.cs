using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Storage;

/// <summary>Group commit on a real Azurite table: fewer calls than rows, and every caller gets its own row's answer.</summary>
public sealed class GroupedInsertsTests : IAsyncLifetime
{
    private readonly CallCounter calls = new();
    private TableClient table = null!;

    public async Task InitializeAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(calls, HttpPipelinePosition.PerCall);
        table = new TableServiceClient(await SharedAzurite.ConnectionStringAsync(), options).GetTableClient("g" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        calls.Reset();
    }

    public Task DisposeAsync() => table.DeleteAsync();

    [Fact]
    public async Task Concurrent_inserts_share_batches_and_each_gets_the_etag_it_can_update_with()
    {
        var inserts = new GroupedInserts(table);
        var rows = Enumerable.Range(0, 200).Select(i => new TableEntity(i % 2 == 0 ? "even" : "odd", $"row{i:000}") { ["N"] = i }).ToList();

        var etags = await Task.WhenAll(rows.Select(row => Task.Run(() => inserts.AddAsync(row))));

        Assert.True(calls.Count < rows.Count / 2, $"{calls.Count} storage calls for {rows.Count} rows");
        for (var i = 0; i < rows.Count; i += 37)
        {
            rows[i]["N"] = -1;
            await table.UpdateEntityAsync(rows[i], etags[i], TableUpdateMode.Replace); // throws 412 if the ETag were not this row's
        }
        Assert.Equal(200, await table.QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync());
    }

    [Fact]
    public async Task A_row_that_already_exists_fails_alone_with_409_and_the_rest_of_its_group_is_stored()
    {
        await table.AddEntityAsync(new TableEntity("p", "taken"));
        var inserts = new GroupedInserts(table);
        var fresh = Enumerable.Range(0, 30).Select(i => new TableEntity("p", $"fresh{i:00}")).ToList();

        var taken = inserts.AddAsync(new TableEntity("p", "taken"));
        var stored = fresh.Select(inserts.AddAsync).ToList();
        await Task.WhenAll(stored);

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => taken);
        Assert.Equal((int)HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(31, await table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "p").CountAsync());
    }

    [Fact]
    public async Task Two_callers_racing_for_one_row_get_exactly_one_success()
    {
        var inserts = new GroupedInserts(table);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await inserts.AddAsync(new TableEntity("p", "contested"));
                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status == (int)HttpStatusCode.Conflict)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
    }

    private sealed class CallCounter : HttpPipelineSynchronousPolicy
    {
        private int count;
        public int Count => Volatile.Read(ref count);
        public void Reset() => Interlocked.Exchange(ref count, 0);
        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}
