using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The body of a refund: an optional amount (default: all that is left) and whether the platform's fee gives back its share.</summary>
public sealed record RefundRequest(
    [Range(1, 99999999)] long? Amount,
    [Description("`true`: the application fee gives back its share of the refund, in proportion to what it received. `false` (default): the split accounts (or the merchant, without splits) bear the whole refund, in proportion; the fee gives back only what they no longer hold.")]
    bool? RefundApplicationFee)
{
    public Result<RefundRequest> Validate() => new AmountRequest(Amount).Validate() is { IsSuccess: false } invalid ? invalid.Error! : this;
}
