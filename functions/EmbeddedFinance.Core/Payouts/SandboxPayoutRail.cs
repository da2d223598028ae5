using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// The sandbox rail: accepts every instruction once per payout id and reports the outcome a little later, chosen
/// by the destination's last four characters (README, API.md): 1116 fails with <c>no_account</c>, 1113 with
/// <c>account_closed</c>, 0002 with <c>could_not_process</c>; anything else is paid. A repeated instruction is
/// answered with the report again, as a real rail answers a status inquiry (the redrive of a stuck payout relies on it).
/// </summary>
public sealed class SandboxPayoutRail(IPayoutQueue queue, IOptions<PayoutOptions> options) : IPayoutRail
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RailAcceptance>>> accepted = new(StringComparer.Ordinal);

    public async Task<RailAcceptance> SubmitAsync(PayoutInstruction instruction, CancellationToken cancellationToken)
    {
        var fresh = new Lazy<Task<RailAcceptance>>(() => AcceptAsync(instruction));
        var submission = accepted.GetOrAdd(instruction.PayoutId, fresh);
        try
        {
            var acceptance = await submission.Value.WaitAsync(cancellationToken);
            if (!ReferenceEquals(submission, fresh)) await ReportAsync(instruction);
            return acceptance;
        }
        catch when (submission.Value.IsFaulted)
        {
            accepted.TryRemove(new KeyValuePair<string, Lazy<Task<RailAcceptance>>>(instruction.PayoutId, submission));
            throw;
        }
    }

    private async Task<RailAcceptance> AcceptAsync(PayoutInstruction instruction)
    {
        await ReportAsync(instruction);
        return new RailAcceptance("sandbox_" + instruction.PayoutId);
    }

    private Task ReportAsync(PayoutInstruction instruction)
    {
        var (paid, code, message) = instruction.Destination.Last4 switch
        {
            "1116" => (false, "no_account", "The bank account does not exist."),
            "1113" => (false, "account_closed", "The bank account is closed."),
            "0002" => (false, "could_not_process", "The bank could not process this payout."),
            _ => (true, (string?)null, (string?)null),
        };
        return queue.ReportAsync(new PayoutRailReport(instruction.Scope, instruction.PayoutId, paid, code, message), options.Value.SandboxReportAfter, CancellationToken.None);
    }
}
