namespace EmbeddedFinance.Client;

/// <summary>An API key as an object (never its secret, except once when created or rolled).</summary>
public sealed record ApiKey : IHasId
{
    /// <summary><c>key_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary><c>secret</c>, <c>publishable</c> or <c>restricted</c>.</summary>
    public string Type { get; init; } = "";
    /// <summary>The merchant's name for it.</summary>
    public string? Name { get; init; }
    /// <summary>A restricted key's permissions: resource → <c>read</c>/<c>write</c>/<c>none</c>.</summary>
    public IReadOnlyDictionary<string, string>? Permissions { get; init; }
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>When it stops working (Unix seconds).</summary>
    public long? ExpiresAt { get; init; }
    /// <summary>Whether the key is live.</summary>
    public bool Livemode { get; init; }
    /// <summary>The key itself: only when created or rolled.</summary>
    public string? Secret { get; init; }
}

/// <summary>The body of <c>POST /v1/api_keys</c>.</summary>
public sealed record CreateApiKeyRequest
{
    /// <summary>The key's name.</summary>
    public required string Name { get; init; }
    /// <summary>Resource → <c>read</c>/<c>write</c>/<c>none</c>.</summary>
    public required IReadOnlyDictionary<string, string> Permissions { get; init; }
    /// <summary>When it stops working (Unix seconds).</summary>
    public long? ExpiresAt { get; init; }
}

/// <summary>The body of <c>POST /v1/api_keys/{id}/roll</c>.</summary>
public sealed record RollApiKeyRequest
{
    /// <summary>How long the old key keeps working (0–604800, default 86400).</summary>
    public long? ExpirePreviousInSeconds { get; init; }
}

/// <summary>An OAuth 2.0 client of a partner.</summary>
public sealed record OAuthClient : IHasId
{
    /// <summary><c>cli_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The client id for the token endpoint.</summary>
    public string ClientId { get; init; } = "";
    /// <summary>The merchant's name for it.</summary>
    public string Name { get; init; } = "";
    /// <summary>Scopes like <c>payments:read</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
    /// <summary>SHA-256 thumbprint its tokens are bound to.</summary>
    public string? CertificateThumbprint { get; init; }
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the client is live.</summary>
    public bool Livemode { get; init; }
    /// <summary>The client secret: only when created.</summary>
    public string? ClientSecret { get; init; }
}

/// <summary>The body of <c>POST /v1/oauth/clients</c>.</summary>
public sealed record CreateOAuthClientRequest
{
    /// <summary>The client's name.</summary>
    public required string Name { get; init; }
    /// <summary>Scopes like <c>payments:read</c>.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
    /// <summary>A client certificate's SHA-256 thumbprint (hex).</summary>
    public string? CertificateThumbprint { get; init; }
}

/// <summary>The answer of <c>POST /oauth/token</c>.</summary>
public sealed record OAuthToken
{
    /// <summary>The JWT to send as a bearer key.</summary>
    public string AccessToken { get; init; } = "";
    /// <summary>Always <c>Bearer</c>.</summary>
    public string TokenType { get; init; } = "";
    /// <summary>Seconds until it expires.</summary>
    public int ExpiresIn { get; init; }
    /// <summary>The granted scopes, space-separated.</summary>
    public string Scope { get; init; } = "";
}
