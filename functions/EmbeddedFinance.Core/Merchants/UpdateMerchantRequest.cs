using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>The body of <c>PATCH /v1/merchants/{id}</c>.</summary>
[Description("The body of `PATCH /v1/merchants/{id}`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record UpdateMerchantRequest(
    [Description("The API version to pin the merchant to (one of `GET /v1/api_versions`; otherwise `400 api_version_invalid`, param `api_version`). Requests without an `EF-Version` header get it from then on; existing webhook endpoints keep their own."), RegularExpression("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), Example("2026-12-01"), Required]
    string? ApiVersion)
{
    public Result<string> Validate() =>
        ApiVersion is null ? Errors.ParameterMissing("api_version") : ApiVersions.Parse(ApiVersion, "api_version");
}
