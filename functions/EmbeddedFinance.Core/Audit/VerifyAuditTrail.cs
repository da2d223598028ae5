namespace EmbeddedFinance.Core.Audit;

/// <summary>
/// The operator's check of one audit partition: reads the head first, then walks the entries up to it and reports the
/// first link that does not hold. Costs one read per 1,000 entries of the scope: it reads what is asked for, on demand.
/// </summary>
public sealed class VerifyAuditTrail(IAuditChainReader reader, AuditChain chain)
{
    public async Task<AuditVerificationView> RunAsync(string scope, CancellationToken cancellationToken)
    {
        // The head first: an entry and its head move in one batch, so every entry up to it exists already, and
        // entries written during the walk (after the head) are simply not part of this check.
        var head = await reader.HeadAsync(scope, cancellationToken);
        // Without a head every entry is walked: entries without one mean the head was deleted.
        var last = head?.Sequence ?? long.MaxValue;
        var previous = AuditChain.Genesis;
        long next = 1;
        await foreach (var link in reader.ReadAsync(scope, cancellationToken))
        {
            if (link.Sequence > last) break;
            var broken =
                link.Sequence != next ? Break(next, null, "entry_missing")
                : link.PreviousHash != previous ? Break(next, link.Entry.Id, "previous_hash_mismatch")
                : await chain.ExpectedHashAsync(link, cancellationToken) is not { } expected ? Break(next, link.Entry.Id, "key_version_unknown")
                : expected != link.Hash ? Break(next, link.Entry.Id, "hash_mismatch")
                : null;
            if (broken is not null) return View(scope, next - 1, head?.Sequence ?? 0, broken);
            previous = link.Hash;
            next++;
        }
        var end = head is not { } found ? (next > 1 ? Break(next - 1, null, "head_mismatch") : null)
            : next <= found.Sequence ? Break(next, null, "entry_missing")
            : previous != found.Hash ? Break(found.Sequence, null, "head_mismatch")
            : null;
        return View(scope, next - 1, head?.Sequence ?? 0, end);
    }

    private static AuditBreakView Break(long sequence, string? entryId, string reason) => new(sequence, entryId, reason);

    private static AuditVerificationView View(string scope, long checkedCount, long headSequence, AuditBreakView? broken) =>
        new("audit_verification", scope, broken is null, checkedCount, headSequence, broken);
}
