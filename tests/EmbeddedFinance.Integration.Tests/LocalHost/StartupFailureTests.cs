using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.Indexing;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

/// <summary>A function the host cannot run fails the start, naming the function, never the first request.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_parameter_the_host_cannot_bind_fails_start_up_naming_the_function()
    {
        var failure = await Assert.ThrowsAsync<FunctionIndexingException>(() => TestHost.StartAsync(extraFunctions:
            [ProbeMetadata.Queue("Unbindable", nameof(ProbeFunctions.NeedsUnbindable), "some-queue")]));

        Assert.Equal("Unbindable", failure.FunctionName);
        Assert.Contains("'unbindable'", failure.Message);
    }

    [Fact]
    public async Task A_queue_name_setting_that_is_not_set_fails_start_up_naming_the_function_and_the_setting()
    {
        var failure = await Assert.ThrowsAsync<FunctionIndexingException>(() => TestHost.StartAsync(extraFunctions:
            [ProbeMetadata.Queue("Unconfigured", nameof(ProbeFunctions.AlwaysFails), "%Queues:NotConfigured%")]));

        Assert.Equal("Unconfigured", failure.FunctionName);
        Assert.Contains("Queues:NotConfigured", failure.Message);
    }

    [Theory]
    [InlineData("Webhooks:RetrySchedule", "00:00:05,whenever")]
    [InlineData("Webhooks:Timeout", "00:05:00")]
    [InlineData("Payouts:InstantFeeBasisPoints", "-5")]
    [InlineData("Payouts:RailMaxRetries", "99")]
    [InlineData("Settlement:MaxJobsPerBatch", "0")]
    [InlineData("Settlement:AvailableAfter", "soon")]
    [InlineData("Queues:Webhooks", "Bad_Queue")]
    [InlineData("RateLimits:Burst", "0")]
    [InlineData("RateLimits:PermitsPerSecond", "many")]
    [InlineData("RateLimits:UnauthenticatedBurst", "0")]
    [InlineData("RateLimits:FailedAuthenticationLimit", "0")]
    [InlineData("RateLimits:FailedAuthenticationWindow", "02:00:00")]
    [InlineData("Secrets:CacheTtl", "1.00:00:00")]
    [InlineData("ServiceBus:FullyQualifiedNamespace", "not a host")]
    [InlineData("Storage:Prefix", "Has-Dashes")]
    [InlineData("Storage:RequestTimeout", "00:00:00.050")]
    [InlineData("Storage:MaxRetries", "6")]
    [InlineData("Webhooks:MaxRedeliveriesPerHour", "0")]
    [InlineData("Idempotency:Retention", "00:00:00")]
    [InlineData("ClientCertificates:TrustForwardedHeader", "yes")]
    [InlineData("DevelopmentHost:HttpsUrl", "http://127.0.0.1:0")]
    public async Task A_missing_or_malformed_setting_stops_start_up_with_a_message_naming_it(string setting, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, failure.Message + failure.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_trigger_that_needs_function_keys_fails_start_up()
    {
        var failure = await Assert.ThrowsAsync<FunctionIndexingException>(() => TestHost.StartAsync(extraFunctions:
        [
            ProbeMetadata.Entry("KeyedRoute", nameof(ProbeFunctions.Tick),
                """{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Function","methods":["get"],"route":"keyed"}"""),
        ]));

        Assert.Equal("KeyedRoute", failure.FunctionName);
        Assert.Contains("authLevel", failure.Message);
    }

    [Fact]
    public async Task A_schedule_that_is_not_NCRONTAB_fails_start_up()
    {
        var failure = await Assert.ThrowsAsync<FunctionIndexingException>(() => TestHost.StartAsync(extraFunctions:
            [ProbeMetadata.Timer("BadSchedule", "every five minutes")]));

        Assert.Equal("BadSchedule", failure.FunctionName);
    }

    [Fact]
    public async Task An_output_binding_the_host_does_not_provide_fails_start_up()
    {
        var failure = await Assert.ThrowsAsync<FunctionIndexingException>(() => TestHost.StartAsync(extraFunctions:
        [
            ProbeMetadata.Entry("WithOutput", nameof(ProbeFunctions.AlwaysFails),
                """{"name":"message","direction":"In","type":"queueTrigger","queueName":"in-queue","connection":"AzureWebJobsStorage"}""",
                """{"name":"$return","direction":"Out","type":"queue","queueName":"out-queue","connection":"AzureWebJobsStorage"}"""),
        ]));

        Assert.Equal("WithOutput", failure.FunctionName);
    }
}
