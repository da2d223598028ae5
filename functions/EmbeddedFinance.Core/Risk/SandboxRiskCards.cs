using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// The sandbox cards of API.md "Risk screening", recognized the way <see cref="Payments.SandboxAcquirer"/> recognizes its
/// own: by the number, in memory, on the payment path only. Test mode only: a live card is never forced.
/// </summary>
public static class SandboxRiskCards
{
    public const string Highest = "4000000000004954";
    public const string Elevated = "4000000000009235";

    public static RiskLevel? ForcedLevel(AuthorizableCard card, Mode mode) => mode != Mode.Test ? null : card.Number.Reveal() switch
    {
        Highest => RiskLevel.Highest,
        Elevated => RiskLevel.Elevated,
        _ => null,
    };
}
