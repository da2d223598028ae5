using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

public sealed record RotateWebhookSecretRequest(long? ExpirePreviousInSeconds)
{
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(7);

    public Result<TimeSpan> Validate() => ExpirePreviousInSeconds switch
    {
        null => DefaultOverlap,
        < 0 => Errors.ParameterInvalid("expire_previous_in_seconds", "The overlap must be 0 seconds or more."),
        > 604_800 => Errors.ParameterInvalid("expire_previous_in_seconds", $"The overlap must be at most {MaxOverlap.TotalSeconds:0} seconds (7 days)."),
        { } seconds => TimeSpan.FromSeconds(seconds),
    };
}
