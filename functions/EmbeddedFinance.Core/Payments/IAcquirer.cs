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
    public sealed record Approved(string AuthorizationCode) : AcquirerDecision;

    public sealed record Declined(string Code, string Message) : AcquirerDecision;
}
