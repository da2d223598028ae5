using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Names of the tables and queues. A prefix lets tests (and several apps) share one account.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [RegularExpression("^[a-z][a-z0-9]{0,19}$", ErrorMessage = "Storage:Prefix must be lower-case letters and digits, starting with a letter, at most 20.")]
    public string Prefix { get; set; } = "ef";

    public string StateTable => Prefix + "state";
    public string AuditTable => Prefix + "audit";
    public string SecretsTable => Prefix + "secrets";
}
