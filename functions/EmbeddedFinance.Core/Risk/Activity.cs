namespace EmbeddedFinance.Core.Risk;

/// <summary>What is counted about one card fingerprint or client address: payment attempts, and declines by the acquirer.</summary>
public sealed record Activity(ActivitySeries Attempts, ActivitySeries Declines)
{
    public static readonly Activity None = new(ActivitySeries.Empty, ActivitySeries.Empty);

    public Activity Add(RiskEvent kind, DateTimeOffset at) => kind == RiskEvent.Attempt
        ? this with { Attempts = Attempts.Add(at) }
        : this with { Declines = Declines.Add(at) };
}

public enum RiskEvent
{
    Attempt,
    Decline,
}

/// <summary>Whose activity: a card fingerprint or a client address, within one merchant scope.</summary>
public sealed record ActivityKey(string Scope, string Dimension, string Value)
{
    public const string Card = "card";
    public const string Address = "address";

    public override string ToString() => $"{Scope}|{Dimension}";
}
