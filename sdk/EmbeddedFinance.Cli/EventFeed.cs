using EmbeddedFinance.Client;

namespace EmbeddedFinance.Cli;

/// <summary>
/// The merchant's events as they happen, by polling <c>GET /v1/events</c> after a cursor (the platform offers no
/// streaming; events are listed oldest first, so the last id seen is a stable cursor).
/// </summary>
public sealed class EventFeed(EmbeddedFinanceClient client, TimeSpan pollInterval, TextWriter error)
{
    /// <summary>The newest event's id now, or null when there is none: where a first <c>ef listen</c> starts.</summary>
    public async Task<string?> NewestIdAsync(CancellationToken cancellationToken)
    {
        string? newest = null;
        await foreach (var item in client.Events.ListAllAsync(new ListOptions { Limit = 100 }, cancellationToken: cancellationToken)) newest = item.Id;
        return newest;
    }

    /// <summary>The last <paramref name="count"/> events, oldest first.</summary>
    public async Task<IReadOnlyList<Event>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var latest = new Queue<Event>();
        await foreach (var item in client.Events.ListAllAsync(new ListOptions { Limit = 100 }, cancellationToken: cancellationToken))
        {
            latest.Enqueue(item);
            if (latest.Count > count) latest.Dequeue();
        }
        return [.. latest];
    }

    /// <summary>
    /// Hands every event after <paramref name="cursor"/> to <paramref name="handle"/>, in order, until cancelled; the
    /// handler persists the cursor. A platform that stops answering is reported and polled again, never fatal.
    /// </summary>
    public async Task FollowAsync(string? cursor, Func<Event, Task> handle, CancellationToken cancellationToken)
    {
        var reported = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var item in client.Events.ListAllAsync(new ListOptions { Limit = 100, StartingAfter = cursor }, cancellationToken: cancellationToken))
                {
                    await handle(item);
                    cursor = item.Id;
                }
                reported = false;
            }
            catch (HttpRequestException unreachable) when (!cancellationToken.IsCancellationRequested)
            {
                if (!reported) await error.WriteLineAsync($"The platform stopped answering ({unreachable.Message}); still trying…");
                reported = true;
            }
            try
            {
                await Task.Delay(pollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
