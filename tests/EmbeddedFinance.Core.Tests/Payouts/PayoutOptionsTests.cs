using EmbeddedFinance.Core.Payouts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Tests.Payouts;

/// <summary>What <see cref="PayoutOptions.Problem"/> accepts, the real Polly pipeline accepts too; what it refuses, it names.</summary>
public sealed class PayoutOptionsTests
{
    public static TheoryData<string, PayoutOptions> Boundaries => new()
    {
        { "defaults", new PayoutOptions() },
        { "shortest", new PayoutOptions { RailAttemptTimeout = TimeSpan.FromMilliseconds(10), RailMaxRetries = 1, RailRetryBaseDelay = TimeSpan.FromTicks(1), RailBreakDuration = TimeSpan.FromMilliseconds(500) } },
        { "longest", new PayoutOptions { RailAttemptTimeout = TimeSpan.FromDays(1), RailMaxRetries = 10, RailRetryBaseDelay = TimeSpan.FromDays(1), RailBreakDuration = TimeSpan.FromDays(1) } },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Every_value_that_validation_accepts_builds_the_rail_pipeline(string label, PayoutOptions options)
    {
        Assert.True(options.Problem() is null, $"{label}: {options.Problem()}");

        var pipeline = Record.Exception(() => new PayoutRailPipeline(Options.Create(options), TimeProvider.System, NullLogger<PayoutRailPipeline>.Instance));

        Assert.Null(pipeline);
    }

    // Polly refuses most of these; 11 retries and a zero delay are this platform's own, stricter bounds.
    public static TheoryData<string, PayoutOptions, bool> JustOutside => new()
    {
        { nameof(PayoutOptions.RailMaxRetries), new PayoutOptions { RailMaxRetries = 0 }, true },
        { nameof(PayoutOptions.RailMaxRetries), new PayoutOptions { RailMaxRetries = 11 }, false },
        { nameof(PayoutOptions.RailAttemptTimeout), new PayoutOptions { RailAttemptTimeout = TimeSpan.FromMilliseconds(9) }, true },
        { nameof(PayoutOptions.RailAttemptTimeout), new PayoutOptions { RailAttemptTimeout = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1) }, true },
        { nameof(PayoutOptions.RailRetryBaseDelay), new PayoutOptions { RailRetryBaseDelay = TimeSpan.Zero }, false },
        { nameof(PayoutOptions.RailRetryBaseDelay), new PayoutOptions { RailRetryBaseDelay = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1) }, true },
        { nameof(PayoutOptions.RailBreakDuration), new PayoutOptions { RailBreakDuration = TimeSpan.FromMilliseconds(499) }, true },
        { nameof(PayoutOptions.RailBreakDuration), new PayoutOptions { RailBreakDuration = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1) }, true },
    };

    [Theory]
    [MemberData(nameof(JustOutside))]
    public void A_value_just_outside_the_bounds_is_named(string setting, PayoutOptions options, bool pollyRefuses)
    {
        var problem = options.Problem();

        Assert.NotNull(problem);
        Assert.Contains($"{PayoutOptions.Section}:{setting}", problem, StringComparison.Ordinal);
        // Where the bound is Polly's, the pipeline would indeed refuse the value: the check guards a real failure.
        var building = Record.Exception(() => new PayoutRailPipeline(Options.Create(options), TimeProvider.System, NullLogger<PayoutRailPipeline>.Instance));
        Assert.Equal(pollyRefuses, building is not null);
    }
}
