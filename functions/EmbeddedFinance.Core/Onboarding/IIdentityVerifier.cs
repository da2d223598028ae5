namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The identity-verification provider. Called at least once per submission (a retry or a redelivered message asks
/// again), so a provider must answer a repeated <see cref="IdentityCheck.SubmissionId"/> with the same verdict.
/// </summary>
public interface IIdentityVerifier
{
    /// <exception cref="IdentityVerifierUnavailableException">The provider is down or timed out: worth asking again later.</exception>
    Task<IdentityVerdict> VerifyAsync(IdentityCheck check, CancellationToken cancellationToken);
}

/// <summary>One submission of one account: the idempotency key a provider sees is the submission id.</summary>
public sealed record IdentityCheck(string Scope, string AccountId, string SubmissionId, Common.Country Country, Individual Individual)
{
    public override string ToString() => $"{nameof(IdentityCheck)} {{ {AccountId} {SubmissionId} }}";
}

/// <summary>The provider's answer: verified, failed on a field, or handed to a person for review.</summary>
public sealed record IdentityVerdict(VerificationStatus Status, RequirementError? Error = null)
{
    public static readonly IdentityVerdict Verified = new(VerificationStatus.Verified);

    public static IdentityVerdict Failed(string field, string code) => new(VerificationStatus.Failed, new RequirementError(field, code));

    public static IdentityVerdict UnderReview(string field) => new(VerificationStatus.UnderReview, new RequirementError(field, "under_review"));
}

/// <summary>The provider did not answer (down, 5xx, timed out); the verification is asked again later, never dropped.</summary>
public sealed class IdentityVerifierUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
