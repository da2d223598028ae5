using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Audit;

/// <summary>What walking one audit partition's hash chain found (docs/decisions/020).</summary>
[Description("The result of walking one scope's audit hash chain, from its first entry to its head.")]
public sealed record AuditVerificationView(
    [AllowedValues("audit_verification")]
    string Object,
    [Description("The audit scope walked: a merchant scope (`{merchant}:test` or `:live`) or `platform`.")]
    string Scope,
    [Description("`true` when every link holds and the last one is the head.")]
    bool Valid,
    [Description("How many chained entries were checked.")]
    long Checked,
    [Description("The head's sequence number: how many entries were chained in this scope when the walk began (entries written since are left for the next walk).")]
    long HeadSequence,
    [Description("The first broken link, or null when the chain holds.")]
    AuditBreakView? FirstBreak);

[Description("Where an audit chain breaks and why.")]
public sealed record AuditBreakView(
    [Description("The sequence number at which the chain breaks.")]
    long Sequence,
    [Description("The entry found there, or null when it is missing.")]
    string? EntryId,
    [Description("`entry_missing`: no entry with this sequence number (deleted). `previous_hash_mismatch`: the entry does not follow the one before it. `hash_mismatch`: the entry was changed after it was written. `key_version_unknown`: its key version is not in the vault. `head_mismatch`: the head does not match the last entry (entries removed from the end, or the head rewritten).")]
    [AllowedValues("entry_missing", "previous_hash_mismatch", "hash_mismatch", "key_version_unknown", "head_mismatch")]
    string Reason);
