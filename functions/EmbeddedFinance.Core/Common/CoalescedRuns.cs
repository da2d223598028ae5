namespace EmbeddedFinance.Core.Common;

/// <summary>
/// In-process "run it, or make sure the run in progress goes round once more", by key. A caller that finds a run
/// of its key in progress returns at once: that run repeats its work after the current pass, so everything the
/// caller could have seen is still covered, without the caller waiting. Many requests for one key thus cost one
/// pass more than the work, not one pass each. Only for work that is safe to repeat and to miss briefly (a sweep
/// backs it up if the run fails after callers have left).
/// </summary>
public sealed class CoalescedRuns
{
    private readonly Lock gate = new();
    // Key present: a run is in progress. Value: another pass was asked for since the current pass began.
    private readonly Dictionary<string, bool> running = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="pass"/> until no caller asked for another; returns the sum, or 0 when joined to a run in progress.</summary>
    public async Task<int> RunAsync(string key, Func<Task<int>> pass)
    {
        lock (gate)
        {
            if (running.ContainsKey(key))
            {
                running[key] = true;
                return 0;
            }
            running[key] = false;
        }

        var total = 0;
        try
        {
            while (true)
            {
                lock (gate) running[key] = false;
                total += await pass();
                lock (gate)
                {
                    if (!running[key])
                    {
                        running.Remove(key);
                        return total;
                    }
                }
            }
        }
        catch
        {
            lock (gate) running.Remove(key);
            throw;
        }
    }
}
