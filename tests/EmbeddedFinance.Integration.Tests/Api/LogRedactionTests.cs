using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>The host's logging pipeline masks a card number or key that code logged by mistake, in the message and in structured values.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task A_card_number_and_a_key_planted_in_a_log_message_reach_no_log_provider_in_the_clear()
    {
        await using var host = await TestHost.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Careless");

        logger.LogWarning("Customer wrote {Note} with key {Key}", "my card is 4000 0000 0000 0002 thanks", "sk_live_abcdefghijklmnop");
        logger.LogError("Raw line: number=5555555555554444 auth=Bearer sk_test_qwertyuiop");

        var lines = host.Logs.Lines.Where(line => line.Contains("Careless", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain("4000 0000 0000 0002", line, StringComparison.Ordinal);
            Assert.DoesNotContain("5555555555554444", line, StringComparison.Ordinal);
            Assert.DoesNotContain("abcdefghijklmnop", line, StringComparison.Ordinal);
            Assert.DoesNotContain("qwertyuiop", line, StringComparison.Ordinal);
        });
        Assert.Contains(lines, line => line.Contains("my card is ****0002 thanks", StringComparison.Ordinal) && line.Contains("sk_live_[redacted]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("number=****4444", StringComparison.Ordinal));
    }
}
