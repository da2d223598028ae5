using EmbeddedFinance.Core.Amounts;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>What the rail is asked to do: pay this amount to this bank account, once, whatever the retries.</summary>
public sealed record PayoutInstruction(string Scope, string PayoutId, long Amount, Amounts.Currency Currency, BankAccount Destination)
{
    public override string ToString() => $"{nameof(PayoutInstruction)} {{ {PayoutId} {Amount} {Currency.Code} to {Destination} }}";
}

/// <summary>The rail took the instruction; its answer (paid or failed) comes later as a <see cref="PayoutRailReport"/>.</summary>
public sealed record RailAcceptance(string Reference);

/// <summary>The rail's later answer about a payout (a callback in production): delivered at least once.</summary>
public sealed record PayoutRailReport(string Scope, string PayoutId, bool Paid, string? FailureCode, string? FailureMessage, int Parked = 0) : Recovery.IParkable<PayoutRailReport>
{
    public PayoutRailReport ParkedOnceMore() => this with { Parked = Parked + 1 };
}

/// <summary>The rail could not take the call now (its 5xx, a dropped connection): worth retrying.</summary>
public sealed class PayoutRailUnavailableException(string message) : Exception(message);

/// <summary>The bank payment rail. Submissions are idempotent by payout id: the same id twice pays once.</summary>
public interface IPayoutRail
{
    Task<RailAcceptance> SubmitAsync(PayoutInstruction instruction, CancellationToken cancellationToken);
}

/// <summary>Queues the work of a payout's life: the submission to the rail, and the rail's reports.</summary>
public interface IPayoutQueue
{
    Task SubmitAsync(string scope, string payoutId, CancellationToken cancellationToken);

    Task ReportAsync(PayoutRailReport report, TimeSpan delay, CancellationToken cancellationToken);
}
