using System.ComponentModel;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Onboarding;

namespace EmbeddedFinance.Core.Accounts;

[Description("The body of `PATCH /v1/accounts/{id}`: a partial update, members left out keep their value. At least one member is required (otherwise `400 invalid_request`); members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record UpdateAccountRequest(
    [Description("Replaces the account's payout schedule as a whole (members left out of it take their defaults).")]
    PayoutScheduleInput? PayoutSchedule,
    [Description("Identity of the person behind the account (see `requirements.currently_due`). Once every due field is supplied, verification starts asynchronously; a changed identity is verified again.")]
    IndividualInput? Individual = null)
{
    public Result<UpdateAccountCommand> Validate(DateOnly today)
    {
        if (PayoutSchedule is null && Individual is null) return Errors.InvalidRequest("Send payout_schedule or individual.");
        PayoutSchedule? schedule = null;
        if (PayoutSchedule is not null)
        {
            var parsed = PayoutSchedule.Validate();
            if (!parsed.IsSuccess) return parsed.Error!;
            schedule = parsed.Value;
        }
        Individual? individual = null;
        if (Individual is not null)
        {
            var parsed = Individual.Validate(today);
            if (!parsed.IsSuccess) return parsed.Error!;
            individual = parsed.Value;
        }
        return new UpdateAccountCommand(schedule, individual);
    }

    public override string ToString() => nameof(UpdateAccountRequest) + " { [redacted] }";
}

public sealed record UpdateAccountCommand(PayoutSchedule? PayoutSchedule, Individual? Individual)
{
    public override string ToString() => nameof(UpdateAccountCommand) + " { [redacted] }";
}
