using System.Text.RegularExpressions;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Names of the tables and queues. A prefix lets tests (and several apps) share one account.</summary>
public sealed partial class StorageOptions : ISelfValidatingOptions
{
    public const string Section = "Storage";

    public string Prefix { get; set; } = "ef";

    public string StateTable => Prefix + "state";
    public string AuditTable => Prefix + "audit";
    public string SecretsTable => Prefix + "secrets";

    /// <summary>The work calendar: which scopes have due work, by time bucket (docs/decisions/010-work-calendar.md).</summary>
    public string WorkTable => Prefix + "work";

    public string? Problem() => PrefixShape().IsMatch(Prefix ?? "")
        ? null
        : $"{Section}:{nameof(Prefix)} must be lower-case letters and digits, starting with a letter, at most 20.";

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixShape();
}
