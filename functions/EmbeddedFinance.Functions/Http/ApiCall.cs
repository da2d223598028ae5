using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Functions.Http;

/// <summary>An authenticated call in progress. <see cref="Caller"/> is null only on public routes.</summary>
public sealed record ApiCall(string RequestId, Caller? Caller)
{
    public Caller AuthenticatedCaller => Caller ?? throw new InvalidOperationException("This route is public; there is no caller.");

    /// <summary>The merchant calling a route whose access policy admits only merchant keys.</summary>
    public Caller.Merchant Merchant => AuthenticatedCaller as Caller.Merchant
        ?? throw new InvalidOperationException("This route's access policy must admit only merchant keys.");
}
