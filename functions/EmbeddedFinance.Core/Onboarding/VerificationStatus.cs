namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// Where an account's identity stands. <c>Unverified</c>: something is still due. <c>Pending</c>: a complete submission
/// waits for the verifier. <c>UnderReview</c>: the verifier handed it to a person (the operator's manual review).
/// <c>Verified</c>: payouts are enabled. <c>Failed</c>: the verifier refused a field, which is due again.
/// </summary>
public enum VerificationStatus { Unverified, Pending, UnderReview, Verified, Failed }

public static class VerificationStatusNames
{
    public static string ApiName(this VerificationStatus status) => status switch
    {
        VerificationStatus.UnderReview => "under_review",
        _ => status.ToString().ToLowerInvariant(),
    };
}
