using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Versions;

/// <summary>One API version and what it changed, as <c>GET /v1/api_versions</c> lists it.</summary>
[Description("A dated version of the API and what it changed from the one before.")]
public sealed record ApiVersionView(
    [Description("The version: a date, sent as the `EF-Version` header."), RegularExpression("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), Example("2026-12-01")]
    string Id,
    [Description("The object's type: always `api_version`."), AllowedValues("api_version")]
    string Object,
    [Description("What the version changed from its predecessor.")]
    string Changes,
    [Description("Whether it is the newest version, the one new merchants are pinned to.")]
    bool Newest)
{
    public static IReadOnlyList<ApiVersionView> All() =>
        ApiVersions.Changes.Select(change => new ApiVersionView(change.Version, "api_version", change.Description, change.Version == ApiVersions.Newest)).ToList();

    /// <summary>The whole list: small, fixed by the release, never paged.</summary>
    public static StoredResponse List() =>
        StoredResponse.Of(200, new ListView<ApiVersionView>("list", All(), false, "/v1/api_versions"));
}
