using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Access;

[Description("The body of `POST /v1/api_keys/{id}/roll`; it may be empty. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record RollApiKeyRequest(
    [Description("How long the previous secret keeps working beside the new one: 0 to 604800 seconds (7 days), default 86400 (one day); otherwise `400 parameter_invalid`. `0` ends it at once (on every instance within the key cache's lifetime, at most 60 s)."), DefaultValue(86400), Range(0, 604800)]
    long? ExpirePreviousInSeconds)
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
