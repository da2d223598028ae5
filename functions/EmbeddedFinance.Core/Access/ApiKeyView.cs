using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Access;

/// <summary>The API representation of a key. <see cref="Secret"/> appears only when the key is created or rolled.</summary>
[Description("An API key of the merchant in one mode: `secret` (`sk_…`), `publishable` (`pk_…`) or `restricted` (`rk_…`). Never carries the key itself except in the response that creates it. Members that are null are omitted.")]
[Example("""
{
  "id": "key_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "object": "api_key",
  "type": "restricted",
  "name": "Reporting partner",
  "permissions": {
    "payments": "read",
    "refunds": "none",
    "payouts": "none",
    "accounts": "none",
    "tokens": "none",
    "webhook_endpoints": "none",
    "events": "none",
    "ledger": "read",
    "balance": "read"
  },
  "created": 1717171717,
  "livemode": false
}
""")]
public sealed record ApiKeyView(
    [Description("Unique identifier, prefixed `key_`."), RegularExpression("^key_"), Example("key_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `api_key`."), AllowedValues("api_key")]
    string Object,
    [Description("`secret` keys may do everything, `publishable` keys only tokenize cards, `restricted` keys what their `permissions` say."), AllowedValues("secret", "publishable", "restricted")]
    string Type,
    [Description("What the key is for; absent for the keys made with the merchant."), StringLength(100, MinimumLength = 1)]
    string? Name,
    [Description("A restricted key's level for every resource: `write`, `read` or `none`. Absent for secret and publishable keys.")]
    IReadOnlyDictionary<string, string>? Permissions,
    [Description("When the key was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("When the key stops working, in Unix seconds (set at creation, or by rolling it); absent when it works until rolled or revoked.")]
    long? ExpiresAt,
    [Description("`true` for live mode, `false` for sandbox.")]
    bool Livemode,
    [Description("The key itself. Present only in the response that creates or rolls it; store it now: it cannot be read again."), Example("rk_test_4eC39HqLyjWDarjtT1zdp7dcXyZ12345")]
    string? Secret = null)
{
    public static ApiKeyView From(ApiKeyRecord key, string? secret = null) => new(
        key.KeyId, "api_key", TypeName(key.Kind), key.Name, key.Kind == ApiKeyKind.Restricted ? (key.Permissions ?? KeyPermissions.None).Describe() : null,
        key.Created.ToUnixTimeSeconds(), key.ExpiresAt?.ToUnixTimeSeconds(), key.Mode == Common.Mode.Live, secret);

    public static string TypeName(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Secret => "secret",
        ApiKeyKind.Publishable => "publishable",
        _ => "restricted",
    };

    // The creation and roll responses carry the key.
    public override string ToString() => $"{nameof(ApiKeyView)} {{ {Id} }}";
}

[Description("The answer to revoking an API key.")]
[Example("""
{
  "id": "key_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "object": "api_key",
  "deleted": true
}
""")]
public sealed record RevokedApiKeyView(
    [Description("The revoked key's id."), RegularExpression("^key_")]
    string Id,
    [Description("The object's type: always `api_key`."), AllowedValues("api_key")]
    string Object,
    [Description("Always `true`: the key stops working at once on the instance that revoked it and within 60 s (the key cache's lifetime) on every other."), AllowedValues(true)]
    bool Deleted);
