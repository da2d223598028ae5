using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Recovery;

namespace EmbeddedFinance.Azure.Outbox;

/// <summary>
/// The outbox queue's message: which scope has new events and, when the writer could say, which ones (then the relay
/// needs no read). Without <see cref="Events"/> the relay reads the scope's outbox.
/// </summary>
public sealed record OutboxNudgeMessage(string Scope, IReadOnlyList<OutboxNote>? Events = null, int Parked = 0) : IParkable<OutboxNudgeMessage>
{
    public OutboxNudgeMessage ParkedOnceMore() => this with { Parked = Parked + 1 };

    public IReadOnlyList<OutboxEntry>? Entries() => Events?.Select(note => new OutboxEntry(
        new PlatformEvent(note.EventId, note.Type, Scope, note.Mode, note.Created, note.ObjectJson), note.LedgerTransactionId, "")).ToList();

    public override string ToString() => $"{nameof(OutboxNudgeMessage)} {{ {Scope}, {(Events is null ? "read the outbox" : $"{Events.Count} events")} }}";
}

/// <summary>One committed event as the nudge carries it: everything its outbox row holds.</summary>
public sealed record OutboxNote(string EventId, string Type, Mode Mode, DateTimeOffset Created, string ObjectJson, string? LedgerTransactionId)
{
    public static OutboxNote Of(OutboxEntry entry) => new(entry.Event.Id, entry.Event.Type, entry.Event.Mode, entry.Event.Created, entry.Event.ObjectJson, entry.LedgerTransactionId);
}
