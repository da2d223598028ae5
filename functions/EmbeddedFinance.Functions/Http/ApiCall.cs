using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Functions.Http;

/// <summary>An authenticated call in progress. <see cref="Caller"/> is null only on public routes.</summary>
public sealed record ApiCall(string RequestId, Caller? Caller)
{
    /// <summary>The API version of this request: its <c>EF-Version</c> header, else the merchant's pinned version, else the newest.</summary>
    public string Version { get; init; } = ApiVersions.Newest;

    /// <summary>The merchant's pinned version (the newest for the admin and public routes): the default of what the merchant creates.</summary>
    public string PinnedVersion { get; init; } = ApiVersions.Newest;

    public Caller AuthenticatedCaller => Caller ?? throw new InvalidOperationException("This route is public; there is no caller.");

    /// <summary>The merchant calling a route whose access policy admits only merchant keys.</summary>
    public Caller.Merchant Merchant => AuthenticatedCaller as Caller.Merchant
        ?? throw new InvalidOperationException("This route's access policy must admit only merchant keys.");
}
