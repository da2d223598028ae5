using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>A platform customer: a marketplace or ride-sharing app that calls the API.</summary>
public sealed record Merchant(string Id, string Name, Country Country, Currency DefaultCurrency, DateTimeOffset Created);
