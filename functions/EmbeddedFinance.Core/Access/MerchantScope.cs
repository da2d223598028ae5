using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Access;

/// <summary>
/// The partition of one merchant's data in one mode. Keeping test and live apart at the storage key means a
/// test key cannot address live data even through a bug in a query.
/// </summary>
public static class MerchantScope
{
    public static string Of(string merchantId, Mode mode) => $"{merchantId}:{(mode == Mode.Test ? "test" : "live")}";

    /// <summary>The merchant id of a scope made by <see cref="Of"/>.</summary>
    public static string MerchantOf(string scope) => scope[..scope.LastIndexOf(':')];

    public static Mode ModeOf(string scope) => scope.EndsWith(":live", StringComparison.Ordinal) ? Mode.Live : Mode.Test;
}
