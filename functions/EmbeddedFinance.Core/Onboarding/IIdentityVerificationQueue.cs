namespace EmbeddedFinance.Core.Onboarding;

/// <summary>Verification requests (<c>%Queues:IdentityVerifications%</c>): which account's current submission to verify.</summary>
public interface IIdentityVerificationQueue
{
    Task EnqueueAsync(string scope, string accountId, CancellationToken cancellationToken);
}
