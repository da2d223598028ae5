namespace EmbeddedFinance.Azure.Onboarding;

/// <summary>A verification request (<c>%Queues:IdentityVerifications%</c>): ids only, never identity data.</summary>
public sealed record IdentityVerificationRequest(string Scope, string AccountId, int Parked = 0) : Core.Recovery.IParkable<IdentityVerificationRequest>
{
    public IdentityVerificationRequest ParkedOnceMore() => this with { Parked = Parked + 1 };
}
