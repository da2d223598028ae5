using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>A platform customer: a marketplace or ride-sharing app that calls the API.</summary>
public sealed record Merchant(string Id, string Name, Country Country, Currency DefaultCurrency, DateTimeOffset Created)
{
    /// <summary>The API version its requests without <c>EF-Version</c> get; merchants from before versions were dates have the first.</summary>
    public string ApiVersion { get; init; } = ApiVersions.First;

    /// <summary>The address the merchant signed up with; null for merchants the operator created.</summary>
    public string? Email { get; init; }

    /// <summary>The sandbox terms the merchant accepted when signing up, and when; null for merchants the operator created.</summary>
    public TermsAcceptance? Terms { get; init; }
}

public sealed record TermsAcceptance(string Version, DateTimeOffset AcceptedAt);
