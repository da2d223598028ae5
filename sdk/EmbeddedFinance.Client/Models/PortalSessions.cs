namespace EmbeddedFinance.Client;

/// <summary>A single-use URL that signs a person in to the merchant's portal, without an API key.</summary>
public sealed record PortalSession : IHasId
{
    /// <summary><c>ps_…</c>: the audit trail records what is done through it under this id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Open it in a browser before <see cref="ExpiresAt"/>, once; shown only in this answer.</summary>
    public string Url { get; init; } = "";
    /// <summary>When the URL stops working, Unix seconds.</summary>
    public long ExpiresAt { get; init; }
    /// <summary>Whether the portal shows only the webhook pages.</summary>
    public bool Embed { get; init; }
    /// <summary>Whether the session is live.</summary>
    public bool Livemode { get; init; }
}

/// <summary>The body of <c>POST /v1/portal_sessions</c>; it may be empty.</summary>
public sealed record CreatePortalSessionRequest
{
    /// <summary>How long the URL can be opened, 60 to 3600 seconds (default 900).</summary>
    public long? ExpiresInSeconds { get; init; }
    /// <summary>True: only the webhook pages, and the session reaches only webhook endpoints and events (default false).</summary>
    public bool? Embed { get; init; }
}
