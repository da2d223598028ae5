namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// What a receiver's answer asks of the platform beyond "failed": <c>410 Gone</c> says the endpoint will never take
/// events again; <c>429</c> or <c>503</c> with <c>Retry-After</c> says when it can take the next one.
/// </summary>
public abstract record ReceiverSignal
{
    /// <summary>The longest pause a receiver can ask for: beyond it a mistaken or hostile date would hold events for days.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromHours(1);

    private ReceiverSignal()
    {
    }

    public sealed record Gone : ReceiverSignal;

    public sealed record Pause(TimeSpan For) : ReceiverSignal;

    public static ReceiverSignal? Of(WebhookResponse response) => response switch
    {
        { StatusCode: 410 } => new Gone(),
        { StatusCode: 429 or 503, RetryAfter: { } wait } => new Pause(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxPause ? MaxPause : wait),
        _ => null,
    };
}
