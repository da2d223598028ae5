using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Access;

[Description("The body of `POST /v1/api_keys/{id}/roll`; it may be empty. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record RollApiKeyRequest(
    [Description("How long the previous secret keeps working beside the new one: 0 to 604800 seconds (7 days), default 86400 (one day); otherwise `400 parameter_invalid`. `0` ends it at once (on every instance within the key cache's lifetime, at most 60 s)."), DefaultValue(86400), Range(0, 604800)]
    long? ExpirePreviousInSeconds)
{
    public Result<TimeSpan> Validate() => SecretOverlap.Parse(ExpirePreviousInSeconds);
}
