using EmbeddedFinance.Core.OAuth;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.OAuth;

/// <summary>
/// Once a day, publishes a new access-token signing key when the newest is older than <c>OAuth:SigningKeyRotation</c>.
/// Timer triggers run on one instance at a time in Azure (a blob lease), so two rotations do not race.
/// </summary>
public sealed class RotateSigningKeys(SigningKeys keys)
{
    [Function(nameof(RotateSigningKeys))]
    public Task RunAsync([TimerTrigger("%Schedules:RotateSigningKeys%")] TimerInfo timer, CancellationToken cancellationToken) =>
        keys.RotateIfDueAsync(cancellationToken);
}
