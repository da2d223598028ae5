namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>
/// The one way a test waits: polls a condition until it holds, or fails saying what was awaited, for how long, and
/// (given <c>state</c>) what it saw last. Never a fixed sleep: a test waits for what it needs and no longer.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <param name="condition">Polled until it holds; an exception it throws fails the test at once.</param>
    /// <param name="what">What is awaited, as the failure message should say it ("every payment settled").</param>
    /// <param name="seconds">How long it may take.</param>
    /// <param name="state">What the test saw last, for the failure message.</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int seconds = 20, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {seconds} s: {what}" + (state is null ? "" : $" ({state()})"));
            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, string, int, Func{string}?)"/>
    public static Task HoldsAsync(Func<bool> condition, string what, int seconds = 20, Func<string>? state = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, seconds, state);
}
