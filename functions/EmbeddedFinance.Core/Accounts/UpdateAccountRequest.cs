using System.ComponentModel;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Accounts;

[Description("The body of `PATCH /v1/accounts/{id}`: a partial update, members left out keep their value. At least one member is required (otherwise `400 invalid_request`); members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record UpdateAccountRequest(
    [Description("Replaces the account's payout schedule as a whole (members left out of it take their defaults).")]
    PayoutScheduleInput? PayoutSchedule)
{
    public Result<UpdateAccountCommand> Validate()
    {
        if (PayoutSchedule is null) return Errors.InvalidRequest("Send payout_schedule.");
        var schedule = PayoutSchedule.Validate();
        if (!schedule.IsSuccess) return schedule.Error!;
        return new UpdateAccountCommand(schedule.Value!);
    }
}

public sealed record UpdateAccountCommand(PayoutSchedule PayoutSchedule);
