using EmbeddedFinance.Core.Recovery;

namespace EmbeddedFinance.Core.Tests.Recovery;

public sealed class RecoveryOptionsTests
{
    private static readonly RecoveryOptions Options = new() { ParkBaseDelay = TimeSpan.FromSeconds(5), ParkMaxDelay = TimeSpan.FromMinutes(5) };

    [Fact]
    public void A_parked_message_waits_longer_each_time_up_to_the_maximum()
    {
        Assert.InRange(Options.ParkDelay(0).TotalSeconds, 4, 6);
        Assert.InRange(Options.ParkDelay(1).TotalSeconds, 8, 12);
        Assert.InRange(Options.ParkDelay(3).TotalSeconds, 32, 48);
        Assert.InRange(Options.ParkDelay(50).TotalSeconds, 240, 300);
    }

    [Fact]
    public void An_open_circuit_is_waited_out_but_never_past_the_maximum()
    {
        Assert.InRange(Options.ParkDelay(0, TimeSpan.FromSeconds(30)).TotalSeconds, 30, 30);
        Assert.Equal(TimeSpan.FromMinutes(5), Options.ParkDelay(0, TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("00:00:00.500", "00:05:00", "ParkBaseDelay")]
    [InlineData("00:00:10", "00:00:05", "ParkMaxDelay")]
    [InlineData("00:00:05", "8.00:00:00", "ParkMaxDelay")]
    public void Bad_delays_are_refused_naming_the_setting(string baseDelay, string maxDelay, string setting)
    {
        var options = new RecoveryOptions { ParkBaseDelay = TimeSpan.Parse(baseDelay), ParkMaxDelay = TimeSpan.Parse(maxDelay) };
        Assert.Contains($"Recovery:{setting}", options.Problem());
    }
}
