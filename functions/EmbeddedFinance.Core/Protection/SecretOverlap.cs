using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Protection;

/// <summary>
/// How long a previous secret keeps working beside its replacement when a secret is rolled (API keys, webhook signing
/// secrets): one rule for both, so a client that rolls one knows the bounds of the other.
/// </summary>
public static class SecretOverlap
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(1);
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    /// <summary>The <c>expire_previous_in_seconds</c> member: absent means the default; 0 ends the previous secret at once.</summary>
    public static Result<TimeSpan> Parse(long? expirePreviousInSeconds) => expirePreviousInSeconds switch
    {
        null => Default,
        < 0 => Errors.ParameterInvalid("expire_previous_in_seconds", "The overlap must be 0 seconds or more."),
        { } seconds when seconds > Max.TotalSeconds => Errors.ParameterInvalid("expire_previous_in_seconds", $"The overlap must be at most {Max.TotalSeconds:0} seconds (7 days)."),
        { } seconds => TimeSpan.FromSeconds(seconds),
    };
}
