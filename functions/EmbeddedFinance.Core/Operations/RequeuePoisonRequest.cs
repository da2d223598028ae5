using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Operations;

/// <summary>Body of <c>POST /v1/admin/poison/{queue}/requeue</c>: how many messages to move back (1–1000, default 100).</summary>
public sealed record RequeuePoisonRequest(
    [Description("The most messages to move back."), DefaultValue(100), Range(1, 1000)]
    int? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public Result<int> Validate() => Limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => Limit.Value,
        _ => Errors.ParameterInvalid("limit", $"The limit must be between 1 and {MaxLimit}."),
    };
}
