using System.ComponentModel;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>The body of <c>POST /v1/disputes/{id}</c>: evidence to add or replace, and whether to submit it to the issuer now.</summary>
[Description("The body of `POST /v1/disputes/{id}`: at least one of `evidence` and `submit`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record UpdateDisputeRequest(
    [Description("Evidence to add; members it names replace the ones given before, the others stay.")]
    DisputeEvidence? Evidence,
    [Description("`true`: submit the evidence to the card issuer now; the dispute becomes `under_review` and can no longer be changed. `false` (default): keep it as a draft.")]
    bool? Submit)
{
    public Result<UpdateDisputeCommand> Validate()
    {
        if (Evidence is null && Submit is null) return Errors.InvalidRequest("Give `evidence`, `submit`, or both.");
        if (Evidence is not null && Evidence.Validate() is { IsSuccess: false } invalid) return invalid.Error!;
        return new UpdateDisputeCommand(Evidence ?? DisputeEvidence.None, Submit ?? false);
    }
}

public sealed record UpdateDisputeCommand(DisputeEvidence Evidence, bool Submit);
