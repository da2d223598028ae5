using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The body of capture and refund: an optional amount (default: all that is left).</summary>
public sealed record AmountRequest([Range(1, 99999999)] long? Amount)
{
    public Result<AmountRequest> Validate()
    {
        if (Amount is null) return this;
        var amount = Money.ParseAmount(Amount, "amount");
        return amount.IsSuccess ? this : amount.Error!;
    }
}

/// <summary>The body of cancel: nothing.</summary>
public sealed record EmptyRequest
{
    public Result<EmptyRequest> Validate() => this;
}
