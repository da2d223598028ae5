namespace EmbeddedFinance.Client;

/// <summary>A merchant: the platform's customer (a marketplace, a ride-sharing app).</summary>
public sealed record Merchant : IHasId
{
    /// <summary><c>mer_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The merchant's name.</summary>
    public string Name { get; init; } = "";
    /// <summary>ISO 3166 country code.</summary>
    public string Country { get; init; } = "";
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string DefaultCurrency { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>The API version requests without <c>EF-Version</c> get.</summary>
    public string ApiVersion { get; init; } = "";
    /// <summary>The merchant's first keys: only in the answer that created it.</summary>
    public MerchantApiKeys? ApiKeys { get; init; }
}

/// <summary>A new merchant's test keys, shown once.</summary>
public sealed record MerchantApiKeys
{
    /// <summary><c>sk_test_…</c></summary>
    public string SecretTest { get; init; } = "";
    /// <summary><c>pk_test_…</c></summary>
    public string PublishableTest { get; init; } = "";
}

/// <summary>The body of <c>POST /v1/merchants</c> (the operator's admin key).</summary>
public sealed record CreateMerchantRequest
{
    /// <summary>The merchant's name.</summary>
    public required string Name { get; init; }
    /// <summary>ISO 3166 country code, e.g. <c>US</c>.</summary>
    public required string Country { get; init; }
    /// <summary>Lower-case ISO 4217 currency, e.g. <c>usd</c>.</summary>
    public required string DefaultCurrency { get; init; }
}

/// <summary>The body of <c>PATCH /v1/merchants/{id}</c>.</summary>
public sealed record UpdateMerchantRequest
{
    /// <summary>The version requests without <c>EF-Version</c> get from now on.</summary>
    public required string ApiVersion { get; init; }
}

/// <summary>One API version and what it changed.</summary>
public sealed record ApiVersionInfo : IHasId
{
    /// <summary>The version, a date: <c>YYYY-MM-DD</c>.</summary>
    public string Id { get; init; } = "";
    /// <summary>What it changed.</summary>
    public string Changes { get; init; } = "";
    /// <summary>Whether it is the newest.</summary>
    public bool Newest { get; init; }
}

/// <summary>The answer of <c>GET /health</c>.</summary>
public sealed record Health
{
    /// <summary><c>ok</c> or <c>degraded</c>.</summary>
    public string Status { get; init; } = "";
}

/// <summary>An answer <c>{id, object, deleted: true}</c> of a DELETE.</summary>
public sealed record Deleted
{
    /// <summary>The deleted object's id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Its kind.</summary>
    public string Object { get; init; } = "";
    /// <summary>Always true.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("deleted")]
    public bool IsDeleted { get; init; }
}
