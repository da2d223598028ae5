namespace EmbeddedFinance.Core.Outbox;

/// <summary>Tells the relay that a scope's outbox has new events. Best effort: the sweep finds what a lost nudge leaves.</summary>
public interface IOutboxNudge
{
    /// <summary>The scope may hold undispatched events (the sweep's finding): the relay reads its outbox.</summary>
    void Nudge(string scope);

    /// <summary>These events were just committed: the relay hands them on as they are, without reading the outbox.</summary>
    void Nudge(string scope, IReadOnlyList<OutboxEntry> committed);
}
