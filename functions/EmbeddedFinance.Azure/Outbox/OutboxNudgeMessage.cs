using EmbeddedFinance.Core.Recovery;

namespace EmbeddedFinance.Azure.Outbox;

/// <summary>The outbox queue's message: which scope has new events.</summary>
public sealed record OutboxNudgeMessage(string Scope, int Parked = 0) : IParkable<OutboxNudgeMessage>
{
    public OutboxNudgeMessage ParkedOnceMore() => this with { Parked = Parked + 1 };
}
