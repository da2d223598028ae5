namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The leader loop of a group commit: items that arrive while a write is in flight are written together by the next
/// one. No background thread: the caller that finds no write in flight leads, and writes until nothing is pending.
/// <paramref name="write"/> answers each item's own waiter and never throws.
/// </summary>
public sealed class GroupCommit<T>(Func<List<T>, Task> write)
{
    private readonly Lock gate = new();
    private List<T> pending = [];
    private bool writing;

    public void Add(T item)
    {
        bool lead;
        lock (gate)
        {
            pending.Add(item);
            lead = !writing;
            writing = true;
        }
        if (lead) _ = Task.Run(WriteUntilDrainedAsync);
    }

    private async Task WriteUntilDrainedAsync()
    {
        while (true)
        {
            List<T> group;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }
                group = pending;
                pending = [];
            }
            await write(group);
        }
    }
}
