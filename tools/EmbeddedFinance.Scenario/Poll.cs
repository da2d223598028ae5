namespace EmbeddedFinance.Scenario;

/// <summary>Waiting for what the platform does asynchronously (settlement, payouts, disputes, webhooks).</summary>
public static class Poll
{
    /// <summary>Polls until <paramref name="done"/> holds or the time is up; true when it held.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(200);
        }
        return true;
    }
}
