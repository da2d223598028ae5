using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// A refusal of the token endpoint in the shape RFC 6749 §5.2 prescribes (not problem+json: OAuth clients read
/// <c>error</c>). <c>invalid_client</c> is 401 with a Basic challenge; the others are 400.
/// </summary>
public sealed record TokenError(int Status, string Error, string Description)
{
    public static TokenError InvalidRequest(string description) => new(400, "invalid_request", description);

    public static TokenError InvalidClient(string description) => new(401, "invalid_client", description);

    public static TokenError InvalidScope(string description) => new(400, "invalid_scope", description);

    public static TokenError UnsupportedGrantType(string description) => new(400, "unsupported_grant_type", description);

    public StoredResponse ToResponse() => StoredResponse.Of(Status, new TokenErrorView(Error, Description)) with
    {
        ErrorCode = Error,
        WwwAuthenticate = Status == 401 ? "Basic realm=\"EmbeddedFinance\"" : null,
    };
}

[Description("A refusal of `POST /oauth/token`, as RFC 6749 §5.2 writes it.")]
public sealed record TokenErrorView(
    [Description("`invalid_request`, `invalid_client` (401), `invalid_scope` or `unsupported_grant_type`."), AllowedValues("invalid_request", "invalid_client", "invalid_scope", "unsupported_grant_type")]
    string Error,
    [Description("What was wrong, for the developer; never a secret.")]
    string ErrorDescription);
