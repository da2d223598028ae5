using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Webhooks;

[Description("The body of `POST /v1/webhook_endpoints/{id}/rotate_secret`; it may be empty. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record RotateWebhookSecretRequest(
    [Description("How long the previous secret keeps signing alongside the new one: 0 to 604800 seconds (7 days), default 86400 (one day); otherwise `400 parameter_invalid`. `0` stops it at once."), DefaultValue(86400), Range(0, 604800)]
    long? ExpirePreviousInSeconds)
{
    public Result<TimeSpan> Validate() => SecretOverlap.Parse(ExpirePreviousInSeconds);
}
