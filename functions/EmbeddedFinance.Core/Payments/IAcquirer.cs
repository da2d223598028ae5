using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The card network side of a payment: authorizes an amount on a card.</summary>
public interface IAcquirer
{
    Task<AcquirerDecision> AuthorizeAsync(AuthorizableCard card, Money amount, CancellationToken cancellationToken);
}

public abstract record AcquirerDecision
{
    public sealed record Approved(string AuthorizationCode) : AcquirerDecision
    {
        /// <summary>The sandbox's card 4000 0000 0000 0259: approved now, disputed by its holder a short while after capture.</summary>
        public bool DisputedLater { get; init; }
    }

    public sealed record Declined(string Code, string Message) : AcquirerDecision;
}
