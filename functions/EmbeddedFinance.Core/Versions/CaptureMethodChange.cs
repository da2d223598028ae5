using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Versions;

/// <summary>
/// 2026-12-01: a payment's boolean <c>capture</c> ("was it created to be captured at once?", easily read as "is it
/// captured?") becomes <c>capture_method</c>: <c>automatic</c> (true) or <c>manual</c> (false), in place, in
/// responses, events and the body of <c>POST /v1/payments</c>. Lossless both ways.
/// </summary>
public sealed class CaptureMethodChange : IVersionTransform
{
    public const string Old = "capture";
    public const string New = "capture_method";
    public const string Automatic = "automatic";
    public const string Manual = "manual";

    public void Backward(JsonObject apiObject)
    {
        if (!IsPayment(apiObject) || apiObject[New] is not JsonValue method || !method.TryGetValue<string>(out var name)) return;
        if (name is not (Automatic or Manual)) return;
        Rename(apiObject, New, Old, JsonValue.Create(name == Automatic));
    }

    public void Forward(JsonObject apiObject)
    {
        if (!IsPayment(apiObject) || apiObject[Old] is not JsonValue capture || !capture.TryGetValue<bool>(out var atOnce)) return;
        Rename(apiObject, Old, New, JsonValue.Create(atOnce ? Automatic : Manual));
    }

    public ApiError? RequestForward(Type bodyType, JsonObject body)
    {
        if (bodyType != typeof(CreatePaymentRequest)) return null;
        if (body.ContainsKey(New)) return Errors.ParameterUnknown(New);
        if (!body.TryGetPropertyValue(Old, out var capture)) return null;
        if (capture is not JsonValue value || !value.TryGetValue<bool>(out var atOnce))
        {
            return Errors.ParameterInvalid(Old, $"The parameter '{Old}' has the wrong type or format.");
        }
        Rename(body, Old, New, JsonValue.Create(atOnce ? Automatic : Manual));
        return null;
    }

    public void RequestBackward(Type bodyType, JsonObject body)
    {
        if (bodyType != typeof(CreatePaymentRequest)) return;
        if (body[New] is JsonValue method && method.TryGetValue<string>(out var name) && name is Automatic or Manual)
        {
            Rename(body, New, Old, JsonValue.Create(name == Automatic));
        }
    }

    private static bool IsPayment(JsonObject apiObject) =>
        apiObject["object"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "payment";

    /// <summary>Replaces a member by another at the same position, so the rest of the document keeps its order.</summary>
    private static void Rename(JsonObject target, string from, string to, JsonNode value)
    {
        var index = target.IndexOf(from);
        target.RemoveAt(index);
        target.Insert(index, to, value);
    }
}
