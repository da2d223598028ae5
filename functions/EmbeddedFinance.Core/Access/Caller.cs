using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Access;

/// <summary>Who is calling, as established by authentication.</summary>
public abstract record Caller
{
    /// <summary>The id recorded in the audit trail: the key's id, never the key.</summary>
    public abstract string KeyId { get; }

    /// <summary>The data scope the caller owns; idempotency records and audit entries live under it.</summary>
    public abstract string Scope { get; }

    /// <summary>The scope of the platform's own data: merchants, the admin's idempotency records.</summary>
    public const string PlatformScope = "platform";

    /// <summary>The platform operator, holding the admin key.</summary>
    public sealed record Admin : Caller
    {
        public override string KeyId => "key_admin";
        public override string Scope => PlatformScope;
    }

    /// <summary>A merchant, through one of its keys. Test and live data are different scopes.</summary>
    public sealed record Merchant(string MerchantId, string MerchantKeyId, ApiKeyKind Kind, Mode Mode) : Caller
    {
        public override string KeyId => MerchantKeyId;
        public override string Scope => MerchantScope.Of(MerchantId, Mode);

        /// <summary>What a restricted key may do; <see cref="KeyPermissions.None"/> unless <see cref="Kind"/> is restricted.</summary>
        public KeyPermissions Permissions { get; init; } = KeyPermissions.None;
    }
}
