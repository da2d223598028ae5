using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Functions.Http;

/// <summary>An authenticated call in progress. <see cref="Caller"/> is null only on public routes.</summary>
public sealed record ApiCall(string RequestId, Caller? Caller)
{
    public Caller AuthenticatedCaller => Caller ?? throw new InvalidOperationException("This route is public; there is no caller.");
}
