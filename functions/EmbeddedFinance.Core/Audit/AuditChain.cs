using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Audit;

/// <summary>
/// The hash chain of an audit partition (docs/decisions/020): each entry's hash is an HMAC, under the audit chain key,
/// of its sequence number, the previous entry's hash and every field of the entry. Changing a field, removing an entry
/// or reordering two breaks the next link; without the key (which the app can only read) no one can forge new links.
/// </summary>
public sealed class AuditChain(ISecretStore secrets)
{
    /// <summary>The previous hash of a partition's first entry.</summary>
    public const string Genesis = "";

    /// <summary>Links <paramref name="entries"/> after the head (<paramref name="sequence"/>, <paramref name="hash"/>), in order.</summary>
    public async Task<IReadOnlyList<AuditLink>> LinkAsync(long sequence, string hash, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var key = await secrets.GetAsync(SecretNames.AuditChainKey, cancellationToken)
            ?? throw new InvalidOperationException($"The secret '{SecretNames.AuditChainKey}' is not in the secret store.");
        var links = new List<AuditLink>(entries.Count);
        foreach (var entry in entries)
        {
            var link = new AuditLink(++sequence, hash, "", key.Version, entry);
            hash = HashOf(key.Value, link);
            links.Add(link with { Hash = hash });
        }
        return links;
    }

    /// <summary>The hash this link should carry, under the key version it names; null when that version does not exist.</summary>
    public async Task<string?> ExpectedHashAsync(AuditLink link, CancellationToken cancellationToken) =>
        await secrets.GetVersionAsync(SecretNames.AuditChainKey, link.KeyVersion, cancellationToken) is { } key ? HashOf(key.Value, link) : null;

    private static string HashOf(Sensitive key, AuditLink link)
    {
        var entry = link.Entry;
        // Each field length-prefixed, so that no two different entries serialise alike.
        string[] fields =
        [
            link.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), link.PreviousHash, entry.Id, entry.Scope, entry.KeyId, entry.Action,
            entry.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.ErrorCode ?? "-", entry.Replayed ? "1" : "0", entry.RequestId,
            // Milliseconds: what every table store keeps of a time.
            entry.At.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        return Digest.HmacSha256(Convert.FromBase64String(key.Reveal()), string.Concat(fields.Select(field => $"{field.Length}:{field}|")));
    }
}
