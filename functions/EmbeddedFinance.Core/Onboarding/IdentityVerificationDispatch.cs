using System.Text.Json;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The relay's verification consumer: an account event showing a submission pending verification queues it. The event
/// commits with the submission, so a crash after the commit cannot lose the verification (the relay repeats it).
/// </summary>
public sealed class IdentityVerificationDispatch(IIdentityVerificationQueue queue) : IOutboxConsumer
{
    public async Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Where(entry => entry.Event.Type == EventTypes.AccountUpdated && IsPending(entry.Event)))
        {
            await queue.EnqueueAsync(scope, entry.Event.ObjectId() ?? throw new InvalidOperationException($"Event {entry.Event.Id} does not name its account."), cancellationToken);
        }
    }

    private static bool IsPending(PlatformEvent accountEvent)
    {
        using var document = JsonDocument.Parse(accountEvent.ObjectJson);
        return document.RootElement.TryGetProperty("individual", out var individual)
            && individual.TryGetProperty("verification_status", out var status)
            && status.GetString() == VerificationStatus.Pending.ApiName();
    }
}
