using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Core.Onboarding;

public interface ILiveAccessRequestStore
{
    /// <summary>Stores a new pending request (and what finds it by id alone, for the operator).</summary>
    Task CreateAsync(LiveAccessRequest request, CancellationToken cancellationToken);

    Task<LiveAccessRequest?> GetAsync(string scope, string id, CancellationToken cancellationToken);

    /// <summary>The operator's view: the request by its id alone.</summary>
    Task<LiveAccessRequest?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<LiveAccessRequest>> ListAsync(string scope, CancellationToken cancellationToken);

    /// <summary>Writes the decided request over the version read, with its event if any; a concurrent change is a <see cref="Common.ConcurrencyConflictException"/>.</summary>
    Task DecideAsync(LiveAccessRequest decided, PlatformEvent? decisionEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the live keys and marks the request revealed, over the version read: true when this call revealed them.
    /// When another reveal won, the keys are taken back and the answer is false, so keys are shown exactly once.
    /// </summary>
    Task<bool> RevealAsync(LiveAccessRequest revealed, IReadOnlyList<ApiKeyRecord> keys, CancellationToken cancellationToken);
}
