namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// When the manual redeliveries of one event to one endpoint within the last <see cref="Length"/> happened, and the
/// store's concurrency token of the row holding them (null when there is none yet).
/// </summary>
public sealed record RedeliveryWindow(IReadOnlyList<DateTimeOffset> Times, string? Version)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    public static RedeliveryWindow Empty { get; } = new([], null);

    /// <summary>Null when one more fits in the window at <paramref name="now"/>; else how long until the oldest leaves it.</summary>
    public TimeSpan? WaitBefore(DateTimeOffset now, int max)
    {
        var recent = Recent(now);
        return recent.Count < max ? null : recent[recent.Count - max] + Length - now;
    }

    /// <summary>The window with one more at <paramref name="now"/>, the ones that left it dropped (the row never grows past the bound).</summary>
    public RedeliveryWindow With(DateTimeOffset now) => this with { Times = [.. Recent(now), now] };

    private List<DateTimeOffset> Recent(DateTimeOffset now) => Times.Where(time => time > now - Length).Order().ToList();
}
