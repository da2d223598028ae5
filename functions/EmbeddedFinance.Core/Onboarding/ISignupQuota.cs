namespace EmbeddedFinance.Core.Onboarding;

/// <summary>Counts sign-ups per client address and per platform in the clock hour, in storage shared by every instance.</summary>
public interface ISignupQuota
{
    /// <summary>
    /// Counts one sign-up from <paramref name="address"/> if both its address and the platform are under their caps for the
    /// hour of <paramref name="now"/>; otherwise counts nothing and returns how long until the next hour starts.
    /// </summary>
    Task<TimeSpan?> TryClaimAsync(string address, int perAddress, int perPlatform, DateTimeOffset now, CancellationToken cancellationToken);
}
