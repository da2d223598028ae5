using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Versions;

/// <summary>
/// The difference between one version and its predecessor, on JSON. Each method leaves alone what is not its
/// business (an object that is not a payment, a body that is already in the target shape), so a transform can be
/// applied to any response, list, event or stored replay without knowing which it is.
/// </summary>
public interface IVersionTransform
{
    /// <summary>Turns an object of the API (a payment, a merchant …) from this version's shape into its predecessor's.</summary>
    void Backward(JsonObject apiObject);

    /// <summary>Turns an object from the predecessor's shape into this version's (the inverse of <see cref="Backward"/>).</summary>
    void Forward(JsonObject apiObject);

    /// <summary>Turns a request body of <paramref name="bodyType"/> written for the predecessor into this version's; an error names what the predecessor did not accept.</summary>
    ApiError? RequestForward(Type bodyType, JsonObject body);

    /// <summary>The inverse of <see cref="RequestForward"/> (clients and tests: what the predecessor would have sent).</summary>
    void RequestBackward(Type bodyType, JsonObject body);
}
