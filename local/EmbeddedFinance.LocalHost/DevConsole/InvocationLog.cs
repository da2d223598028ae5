using System.Diagnostics;

namespace EmbeddedFinance.LocalHost.DevConsole;

/// <summary>
/// One line per function invocation, as <c>func start</c> prints them: the function, its outcome (an HTTP status, or
/// succeeded/failed), how long it took and what identifies it (the request id, a queue message id). The lines are
/// the console's heartbeat, so each is one short line and never carries a body.
/// </summary>
public sealed class InvocationLog(ILogger<InvocationLog> logger)
{
    public void Record(string function, string outcome, long startedTimestamp, string? id)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp);
        var level = outcome is "failed" || outcome.StartsWith('5') ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "{Function} {Outcome} in {DurationMs} ms{Id}", function, outcome, (long)elapsed.TotalMilliseconds, id is null ? "" : " " + id);
    }
}
