using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Access;

/// <summary>The body of <c>POST /v1/api_keys</c> as sent; <see cref="Validate"/> turns it into a command.</summary>
[Description("The body of `POST /v1/api_keys`: a restricted key. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateApiKeyRequest(
    [Description("What the key is for, shown in the list of keys: 1–100 characters after trimming, no control characters (`400 parameter_missing` when absent or blank, `400 parameter_invalid` otherwise)."), StringLength(100, MinimumLength = 1), Example("Reporting partner"), Required]
    string? Name,
    [Description("A level per resource: `write` (which implies `read`), `read` or `none`. Resources: `payments`, `refunds`, `payouts`, `accounts`, `tokens`, `webhook_endpoints`, `events`, `ledger`, `balance`; a resource not named is `none`. An unknown resource or level is `400 parameter_invalid` naming `permissions.<resource>`."), Required]
    IReadOnlyDictionary<string, string>? Permissions,
    [Description("When the key stops working, in Unix seconds; it must be in the future (`400 parameter_invalid`). Absent: the key works until it is rolled or revoked."), Example(1735689600)]
    long? ExpiresAt)
{
    public Result<CreateApiKeyCommand> Validate(DateTimeOffset now)
    {
        var name = CredentialName.Validate(Name);
        if (!name.IsSuccess) return name.Error!;
        if (Permissions is null) return Errors.ParameterMissing("permissions");

        var levels = new List<KeyValuePair<string, AccessLevel>>();
        foreach (var (resource, text) in Permissions)
        {
            var param = "permissions." + (resource.Length <= 40 ? resource : resource[..40]);
            if (!ApiResources.IsKnown(resource))
            {
                return Errors.ParameterInvalid(param, $"The resource '{param[12..]}' is not one a key can be given; use {string.Join(", ", ApiResources.All)}.");
            }
            if (!KeyPermissions.TryParseLevel(text, out var level))
            {
                return Errors.ParameterInvalid(param, $"The level of '{resource}' must be 'write', 'read' or 'none'.");
            }
            levels.Add(KeyValuePair.Create(resource, level));
        }

        DateTimeOffset? expiresAt = null;
        if (ExpiresAt is { } seconds)
        {
            if (seconds <= now.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return Errors.ParameterInvalid("expires_at", "expires_at must be a time in the future, in Unix seconds.");
            }
            expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return new CreateApiKeyCommand(name.Value!, new KeyPermissions(levels), expiresAt);
    }
}
