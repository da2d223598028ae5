using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Tests.Access;

public sealed class PermissionTests
{
    private static Caller.Merchant Restricted(params (string Resource, AccessLevel Level)[] levels) =>
        new("mer_1", "key_1", ApiKeyKind.Restricted, Mode.Test)
        {
            Permissions = new KeyPermissions(levels.Select(level => KeyValuePair.Create(level.Resource, level.Level))),
        };

    [Fact]
    public void Write_implies_read()
    {
        var key = Restricted((ApiResources.Payments, AccessLevel.Write));

        Assert.Null(AccessPolicy.Needs(Permission.Read(ApiResources.Payments)).Check(key));
        Assert.Null(AccessPolicy.Needs(Permission.Write(ApiResources.Payments)).Check(key));
    }

    [Fact]
    public void Read_does_not_imply_write_and_the_refusal_names_the_permission_it_lacks()
    {
        var key = Restricted((ApiResources.Payments, AccessLevel.Read));

        Assert.Null(AccessPolicy.Needs(Permission.Read(ApiResources.Payments)).Check(key));
        var refused = AccessPolicy.Needs(Permission.Write(ApiResources.Payments)).Check(key);
        Assert.Equal(403, refused!.Status);
        Assert.Equal("forbidden", refused.Code);
        Assert.Equal("This key lacks payments:write.", refused.Detail);
    }

    [Fact]
    public void None_grants_nothing()
    {
        var key = Restricted((ApiResources.Ledger, AccessLevel.None));

        Assert.Contains("ledger:read", AccessPolicy.Needs(Permission.Read(ApiResources.Ledger)).Check(key)!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_the_key_does_not_name_is_none()
    {
        var key = Restricted((ApiResources.Payments, AccessLevel.Write));

        Assert.Equal(AccessLevel.None, key.Permissions.LevelOf(ApiResources.Balance));
        Assert.Equal("This key lacks balance:read.", AccessPolicy.Needs(Permission.Read(ApiResources.Balance)).Check(key)!.Detail);
        Assert.Equal("This key lacks refunds:write.", AccessPolicy.Needs(Permission.Write(ApiResources.Refunds)).Check(key)!.Detail);
    }

    [Fact]
    public void A_restricted_key_never_manages_keys_nor_calls_admin_routes_whatever_it_holds()
    {
        var key = Restricted(ApiResources.All.Select(resource => (resource, AccessLevel.Write)).ToArray());

        Assert.Equal("A restricted key cannot manage API keys; use a secret key.", AccessPolicy.KeyManagement.Check(key)!.Detail);
        Assert.Equal(403, AccessPolicy.AdminOnly.Check(key)!.Status);
        Assert.Equal(403, AccessPolicy.AdminOrSecretKey.Check(key)!.Status);
    }

    [Fact]
    public void Secret_keys_keep_full_access_and_publishable_keys_their_tokenization()
    {
        var secret = new Caller.Merchant("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);
        var publishable = new Caller.Merchant("mer_1", "key_2", ApiKeyKind.Publishable, Mode.Test);

        Assert.All(ApiResources.All, resource => Assert.Null(AccessPolicy.Needs(Permission.Write(resource)).Check(secret)));
        Assert.Null(AccessPolicy.NeedsOrPublishable(Permission.Write(ApiResources.Tokens)).Check(publishable));
        Assert.Equal(403, AccessPolicy.Needs(Permission.Read(ApiResources.Payments)).Check(publishable)!.Status);
    }

    [Fact]
    public void Permissions_survive_their_stored_form_and_are_described_for_every_resource()
    {
        var permissions = new KeyPermissions([KeyValuePair.Create(ApiResources.Ledger, AccessLevel.Read), KeyValuePair.Create(ApiResources.Payments, AccessLevel.Write)]);

        var decoded = KeyPermissions.Decode(permissions.Encode());

        Assert.Equal("payments=write ledger=read", permissions.Encode());
        Assert.Equal(AccessLevel.Write, decoded.LevelOf(ApiResources.Payments));
        Assert.Equal(AccessLevel.Read, decoded.LevelOf(ApiResources.Ledger));
        Assert.Equal(ApiResources.All, decoded.Describe().Keys);
        Assert.Equal("none", decoded.Describe()[ApiResources.Refunds]);
    }

    [Fact]
    public void A_permission_names_only_known_resources() =>
        Assert.Throws<ArgumentException>(() => Permission.Read("cards"));
}
