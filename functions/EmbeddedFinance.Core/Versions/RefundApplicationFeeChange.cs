using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Versions;

/// <summary>
/// 2026-12-02: a refund no longer takes its share back from the platform's application fee unless it says
/// <c>refund_application_fee: true</c> (before, the fee always gave back its share). Money moves differently, so
/// integrations pinned to an earlier version keep the old rule: their refunds arrive here asking for the fee's share,
/// and may not name the member their version did not have. Responses only gained members, which older versions keep.
/// </summary>
public sealed class RefundApplicationFeeChange : IVersionTransform
{
    public const string Member = "refund_application_fee";

    public void Backward(JsonObject apiObject)
    {
    }

    public void Forward(JsonObject apiObject)
    {
    }

    public ApiError? RequestForward(Type bodyType, JsonObject body)
    {
        if (bodyType != typeof(RefundRequest)) return null;
        if (body.ContainsKey(Member)) return Errors.ParameterUnknown(Member);
        body[Member] = true;
        return null;
    }

    public void RequestBackward(Type bodyType, JsonObject body)
    {
        if (bodyType == typeof(RefundRequest)) body.Remove(Member);
    }
}
