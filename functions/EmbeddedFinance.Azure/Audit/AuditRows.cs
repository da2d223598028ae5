namespace EmbeddedFinance.Azure.Audit;

/// <summary>Row keys of an audit partition: the head, and the chained entries in sequence order.</summary>
public static class AuditRows
{
    public const string Head = "head";

    /// <summary>Chained entries' row keys begin with this; entries written before the chain keep their <c>aud_</c> ids.</summary>
    public const string ChainPrefix = "chain-";

    /// <summary>Just above every chained row key.</summary>
    public const string ChainEnd = "chain.";

    /// <summary>
    /// Twenty digits, one more than a long needs, so that keys sort by sequence and no key holds a 13–19 digit run: a
    /// zero-padded sequence of 19 digits passes the Luhn check often enough for card-number scanners (ours included) to flag it.
    /// </summary>
    public static string Chained(long sequence) => ChainPrefix + sequence.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
}
