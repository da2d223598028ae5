namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// One attempt to come: deliver an event to an endpoint. A queue message, so retries wait hidden in the queue
/// (no worker sleeps). <see cref="Manual"/> marks a redelivery asked for through the API: one attempt, no retries.
/// </summary>
public sealed record WebhookDelivery(string Scope, string EventId, string EndpointId, int Attempt, bool Manual = false, int Parked = 0) : Recovery.IParkable<WebhookDelivery>
{
    public WebhookDelivery ParkedOnceMore() => this with { Parked = Parked + 1 };
}
