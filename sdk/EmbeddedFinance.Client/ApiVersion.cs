namespace EmbeddedFinance.Client;

/// <summary>The API version this SDK speaks, sent as <c>EF-Version</c> on every request.</summary>
/// <remarks>
/// Pinned, not the merchant's account default: the SDK's types describe exactly this version, so an upgrade of the
/// merchant's account can never change what these types receive. A new SDK release moves the pin.
/// </remarks>
public static class ApiVersion
{
    /// <summary>The version the SDK's types were written for (the newest of the platform when it was released).</summary>
    public const string Pinned = "2026-12-02";

    /// <summary>The request header naming the version.</summary>
    public const string Header = "EF-Version";
}
