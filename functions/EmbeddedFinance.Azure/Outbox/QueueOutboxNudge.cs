using System.Text.Json;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Outbox;

/// <summary>
/// Nudges the relay through the outbox queue, at most once per scope per <see cref="Window"/>: the commits of the
/// window travel together (the window ends with a send, never before, so the last commit is always covered). The
/// message names the committed events with everything their outbox rows hold, so the relay acts on them without a
/// query; a window with more than fits one message is split, and one that includes a sweep's finding just says
/// "read the outbox". Sending is off the request path; a lost nudge (crash, storage down) leaves the events to the
/// sweep, which is why a failure here is a warning, not an error.
/// </summary>
public sealed class QueueOutboxNudge(QueueMessages messages, IOptions<QueueNames> names, ILogger<QueueOutboxNudge> logger) : IOutboxNudge
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    // A queue message holds 64 KiB after base64 (4/3): 45,000 characters of JSON (escaped to ASCII) is 60,000 encoded.
    private const int MaxMessageChars = 45_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Pending> scheduled = new(StringComparer.Ordinal);

    public void Nudge(string scope) => Schedule(scope, pending => pending.ReadAll = true);

    public void Nudge(string scope, IReadOnlyList<OutboxEntry> committed) => Schedule(scope, pending => pending.Entries.AddRange(committed));

    private void Schedule(string scope, Action<Pending> add)
    {
        bool first;
        lock (gate)
        {
            first = !scheduled.TryGetValue(scope, out var pending);
            if (first) scheduled[scope] = pending = new Pending();
            add(pending!);
        }
        if (first) _ = SendAfterWindowAsync(scope);
    }

    private async Task SendAfterWindowAsync(string scope)
    {
        await Task.Delay(Window);
        Pending pending;
        // Take the window's commits before sending: a commit from now on schedules its own nudge.
        lock (gate)
        {
            pending = scheduled[scope];
            scheduled.Remove(scope);
        }
        foreach (var message in Messages(scope, pending))
        {
            try
            {
                await messages.SendAsync(names.Value.Outbox, message, TimeSpan.Zero, CancellationToken.None);
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "Outbox nudge for {Scope} not sent; the sweep will relay its events", scope);
            }
        }
    }

    private static IEnumerable<OutboxNudgeMessage> Messages(string scope, Pending pending)
    {
        if (pending.ReadAll)
        {
            yield return new OutboxNudgeMessage(scope);
            yield break;
        }
        var notes = new List<OutboxNote>();
        var size = 0;
        foreach (var note in pending.Entries.Select(OutboxNote.Of))
        {
            // Measured as sent: the serializer escapes every quote of the object's JSON as \u0022.
            var noteSize = JsonSerializer.Serialize(note).Length + 1;
            if (notes.Count > 0 && size + noteSize > MaxMessageChars)
            {
                yield return new OutboxNudgeMessage(scope, notes);
                notes = [];
                size = 0;
            }
            notes.Add(note);
            size += noteSize;
        }
        // One event too large to carry (never, for the API's objects) goes as "read the outbox".
        yield return size > MaxMessageChars ? new OutboxNudgeMessage(scope) : new OutboxNudgeMessage(scope, notes);
    }

    private sealed class Pending
    {
        public bool ReadAll { get; set; }
        public List<OutboxEntry> Entries { get; } = [];
    }
}
