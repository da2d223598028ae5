using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The index of scopes with due work (docs/decisions/010-work-calendar.md), in a table of its own: partition
/// <c>{purpose}:{time bucket}</c>, row key the scope. A writer marks its scope before it commits state that creates
/// work; a sweep reads the buckets from its checkpoint up to now, one single-partition read each, instead of
/// scanning the state table. A mark without work (a crash before the commit) costs the sweep one empty range read.
/// </summary>
public sealed class WorkCalendar(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider clock)
{
    /// <summary>Where a sweep starts when it has no checkpoint yet (a new deployment): this many buckets back.</summary>
    public const int FirstLookBack = 60;

    /// <summary>A sweep that fell behind (the app was stopped) catches up this many buckets per run.</summary>
    public const int MaxBucketsPerSweep = 120;

    /// <summary>
    /// How long after a bucket ends it stays open (read, not deleted): a writer marks before it commits, and a commit
    /// with the storage client's retries can take this long, so a bucket closed sooner could lose the mark of work
    /// that commits after the sweep looked.
    /// </summary>
    public static readonly TimeSpan CommitAllowance = TimeSpan.FromMinutes(1);

    private const string CheckpointPartition = "checkpoint";
    private const int CacheCapacity = 10_000;

    // Marks this process already wrote, so a busy scope costs one write per bucket, not one per request.
    private readonly ConcurrentDictionary<(string Partition, string Scope), DateTimeOffset> marked = new();

    public TableClient Client { get; } = service.GetTableClient(options.Value.WorkTable);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Marks the scope in the bucket of <paramref name="at"/> (now, if that is past); call it before committing the state that makes the work.</summary>
    public async Task MarkAsync(WorkPurpose purpose, string scope, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A bucket already behind a sweep's checkpoint would never be read again.
        var now = clock.GetUtcNow();
        var bucket = purpose.BucketOf(at > now ? at : now);
        var key = (purpose.Partition(bucket), scope);
        if (marked.ContainsKey(key)) return;
        await Client.UpsertEntityAsync(new TableEntity(key.Item1, scope), TableUpdateMode.Replace, cancellationToken);
        if (marked.Count >= CacheCapacity) Forget();
        marked[key] = bucket + purpose.Width;
    }

    /// <summary>
    /// The buckets from the checkpoint through the one holding <paramref name="upTo"/>, each with its scopes; a bucket
    /// closed when it ended at least <see cref="CommitAllowance"/> before <paramref name="upTo"/>. Never reads past
    /// <paramref name="upTo"/>'s bucket.
    /// </summary>
    public async Task<IReadOnlyList<WorkBucket>> DueAsync(WorkPurpose purpose, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var last = purpose.BucketOf(upTo);
        var next = await CheckpointAsync(purpose, cancellationToken) ?? last - FirstLookBack * purpose.Width;
        var buckets = new List<WorkBucket>();
        for (var start = next; start <= last && buckets.Count < MaxBucketsPerSweep; start += purpose.Width)
        {
            var scopes = new List<string>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {purpose.Partition(start)}");
            await foreach (var row in Client.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken)) scopes.Add(row.RowKey);
            buckets.Add(new WorkBucket(start, start + purpose.Width + CommitAllowance <= upTo, scopes));
        }
        return buckets;
    }

    /// <summary>
    /// After the sweep handled every scope of these buckets (re-marking in the current bucket any that still has work):
    /// deletes the closed buckets' rows and moves the checkpoint past them.
    /// </summary>
    public async Task DoneAsync(WorkPurpose purpose, IReadOnlyList<WorkBucket> handled, CancellationToken cancellationToken)
    {
        var closed = handled.TakeWhile(bucket => bucket.Closed).ToList();
        foreach (var bucket in closed)
        {
            var partition = purpose.Partition(bucket.Start);
            foreach (var chunk in bucket.Scopes.Chunk(StateBatch.MaxActions))
            {
                try
                {
                    await Client.SubmitTransactionAsync(chunk.Select(scope => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, scope), ETag.All)), cancellationToken);
                }
                catch (TableTransactionFailedException gone) when (gone.Status == 404)
                {
                    // Deleted by a sweep that overlapped this one: delete the rest one by one.
                    await Task.WhenAll(chunk.Select(scope => DeleteIfExistsAsync(partition, scope, cancellationToken)));
                }
            }
        }
        if (closed.Count == 0) return;
        await Client.UpsertEntityAsync(new TableEntity(CheckpointPartition, purpose.Name) { ["Next"] = closed[^1].Start + purpose.Width }, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<DateTimeOffset?> CheckpointAsync(WorkPurpose purpose, CancellationToken cancellationToken)
    {
        var found = await Client.GetEntityIfExistsAsync<TableEntity>(CheckpointPartition, purpose.Name, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetDateTimeOffset("Next") : null;
    }

    private async Task DeleteIfExistsAsync(string partition, string scope, CancellationToken cancellationToken)
    {
        try
        {
            await Client.DeleteEntityAsync(partition, scope, ETag.All, cancellationToken);
        }
        catch (RequestFailedException gone) when (gone.Status == 404)
        {
        }
    }

    /// <summary>Drops the marks of buckets that have ended (no writer marks them again); all of them if that frees nothing.</summary>
    private void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, end) in marked) if (end <= now) marked.TryRemove(key, out _);
        if (marked.Count >= CacheCapacity) marked.Clear();
    }
}
