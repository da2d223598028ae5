using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Portal;

[Description("The body of `POST /v1/portal_sessions`; it may be empty. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreatePortalSessionRequest(
    [Description("How long the URL can be opened: 60 to 3600 seconds, default 900; otherwise `400 parameter_invalid`."), DefaultValue(900), Range(60, 3600)]
    long? ExpiresInSeconds,
    [Description("`true`: the portal shows only the webhook pages and the session can reach only webhook endpoints and events, for a platform that embeds a webhook portal for its own customers. Default `false`.")]
    bool? Embed)
{
    public Result<CreatePortalSessionCommand> Validate() => ExpiresInSeconds switch
    {
        null => new CreatePortalSessionCommand(TimeSpan.FromSeconds(900), Embed ?? false),
        < 60 or > 3600 => Errors.ParameterInvalid("expires_in_seconds", "expires_in_seconds must be between 60 and 3600."),
        { } seconds => new CreatePortalSessionCommand(TimeSpan.FromSeconds(seconds), Embed ?? false),
    };
}

public sealed record CreatePortalSessionCommand(TimeSpan ExpiresIn, bool Embedded);
