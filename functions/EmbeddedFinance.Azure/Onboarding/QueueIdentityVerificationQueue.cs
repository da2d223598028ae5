using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Onboarding;

public sealed class QueueIdentityVerificationQueue(QueueMessages messages, IOptions<QueueNames> names) : IIdentityVerificationQueue
{
    public Task EnqueueAsync(string scope, string accountId, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.IdentityVerifications, new IdentityVerificationRequest(scope, accountId), TimeSpan.Zero, cancellationToken);
}
