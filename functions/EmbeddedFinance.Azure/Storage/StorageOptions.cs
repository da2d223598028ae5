using System.Text.RegularExpressions;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Names of the tables and queues. A prefix lets tests (and several apps) share one account.</summary>
public sealed partial class StorageOptions : ISelfValidatingOptions
{
    public const string Section = "Storage";

    public string Prefix { get; set; } = "ef";

    /// <summary>
    /// How long one try of a storage call may wait for an answer (the SDK's network timeout). A request whose storage does
    /// not answer gives up after <see cref="MaxRetries"/> + 1 tries and the SDK's back-off between them (0.8 s, then
    /// doubling, jittered) and answers 503: about 17 s with the defaults, instead of the SDK's 100 s per try.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a storage call after a timeout, a connection failure or a 408/429/5xx answer.</summary>
    public int MaxRetries { get; set; } = 2;

    public string StateTable => Prefix + "state";
    public string AuditTable => Prefix + "audit";
    public string SecretsTable => Prefix + "secrets";

    /// <summary>The work calendar: which scopes have due work, by time bucket (docs/decisions/010-work-calendar.md).</summary>
    public string WorkTable => Prefix + "work";

    /// <summary>Risk screening's velocity counters and amount statistics: hot single rows, kept apart from the state table (ADR 024).</summary>
    public string RiskTable => Prefix + "risk";

    public string? Problem() =>
        !PrefixShape().IsMatch(Prefix ?? "") ? $"{Section}:{nameof(Prefix)} must be lower-case letters and digits, starting with a letter, at most 20."
        : RequestTimeout < TimeSpan.FromMilliseconds(100) || RequestTimeout > TimeSpan.FromMinutes(2) ? $"{Section}:{nameof(RequestTimeout)} must be between 00:00:00.100 and 00:02:00."
        : MaxRetries is < 0 or > 5 ? $"{Section}:{nameof(MaxRetries)} must be between 0 and 5."
        : null;

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixShape();
}
