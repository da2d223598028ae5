using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Audit;

/// <summary>
/// Writes one audit entry for a decision that has already been made (and, for a write, committed): a failed write is
/// one error line, <c>AUDIT WRITE FAILED</c> (an alert rule pages on it), never a failure of the caller's request.
/// </summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider clock, ILogger<AuditTrail> logger)
{
    /// <param name="credentialId">The key id or OAuth client id that acted, never its secret.</param>
    public async Task RecordAsync(string scope, string credentialId, string action, int status, string? errorCode, bool replayed, string requestId)
    {
        var entry = new AuditEntry(PrefixedId.New("aud", clock), scope, credentialId, action, status, errorCode, replayed, requestId, clock.GetUtcNow());
        try
        {
            await log.RecordAsync(entry, CancellationToken.None);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "AUDIT WRITE FAILED for {Action} by key {KeyId}, request {RequestId}, status {Status}", action, credentialId, requestId, status);
        }
    }
}
