namespace EmbeddedFinance.Core.Outbox;

/// <summary>Tells the relay that a scope's outbox has new events. Best effort: the sweep finds what a lost nudge leaves.</summary>
public interface IOutboxNudge
{
    void Nudge(string scope);
}
