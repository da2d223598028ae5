namespace EmbeddedFinance.Core.Risk;

/// <summary>The suspicious API use that raises an operator alert: its metric, its audit action and what it means.</summary>
public sealed record ApiAbuseSignal(string Name, string Meaning)
{
    public static readonly ApiAbuseSignal FailedAuthenticationBurst = new("failed_authentication_burst", "many 401s from one client address");
    public static readonly ApiAbuseSignal KeyAddressSpread = new("key_address_spread", "one credential used from many client addresses");
    public static readonly ApiAbuseSignal VolumeJump = new("volume_jump", "a merchant's request volume jumped far above its usual");

    /// <summary>The action of the audit record an alert writes.</summary>
    public string AuditAction => "alert." + Name;
}
