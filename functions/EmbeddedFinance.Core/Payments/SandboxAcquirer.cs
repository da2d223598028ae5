using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The sandbox of API.md: the card number decides the outcome. Test mode only.</summary>
public sealed class SandboxAcquirer : IAcquirer
{
    /// <summary>Approved, then disputed <c>Disputes:SandboxAfter</c> after capture (API.md "Marketplace money").</summary>
    public const string DisputedCard = "4000000000000259";

    public Task<AcquirerDecision> AuthorizeAsync(AuthorizableCard card, Money amount, CancellationToken cancellationToken)
    {
        AcquirerDecision decision = card.Number.Reveal() switch
        {
            "4000000000000002" => new AcquirerDecision.Declined("card_declined", "The card was declined."),
            "4000000000009995" => new AcquirerDecision.Declined("insufficient_funds", "The card has insufficient funds."),
            "4000000000000069" => new AcquirerDecision.Declined("expired_card", "The card has expired."),
            DisputedCard => new AcquirerDecision.Approved("sandbox_" + card.Token.Last4) { DisputedLater = true },
            _ => new AcquirerDecision.Approved("sandbox_" + card.Token.Last4),
        };
        return Task.FromResult(decision);
    }
}
