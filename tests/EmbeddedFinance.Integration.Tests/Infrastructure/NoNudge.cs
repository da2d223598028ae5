using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>Leaves the outbox alone after commits, as a crash before the nudge would: tests that inspect outbox rows or run the relay themselves.</summary>
public sealed class NoNudge : IOutboxNudge
{
    public void Nudge(string scope)
    {
    }

    public void Nudge(string scope, IReadOnlyList<OutboxEntry> committed)
    {
    }
}
