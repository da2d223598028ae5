using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Core.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Fact]
    public void The_default_schedule_is_the_one_of_the_api_and_ends_after_seven_retries()
    {
        var options = new WebhookOptions();
        Assert.Null(options.Problem());
        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)],
            options.Retries);
        Assert.Equal(TimeSpan.FromSeconds(5), options.DelayAfter(1));
        Assert.Equal(TimeSpan.FromHours(10), options.DelayAfter(7));
        Assert.Null(options.DelayAfter(8));
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Equal(TimeSpan.FromDays(5), options.DisableAfter);
    }

    [Theory]
    [InlineData("00:00:05,soon", nameof(WebhookOptions.RetrySchedule))]
    [InlineData("00:00:00", nameof(WebhookOptions.RetrySchedule))]
    [InlineData("8.00:00:00", nameof(WebhookOptions.RetrySchedule))]
    [InlineData("-00:00:05", nameof(WebhookOptions.RetrySchedule))]
    public void A_bad_schedule_is_named(string schedule, string setting)
    {
        var problem = new WebhookOptions { RetrySchedule = schedule }.Problem();
        Assert.NotNull(problem);
        Assert.Contains($"Webhooks:{setting}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_bad_settings_are_named()
    {
        Assert.Contains("Webhooks:Timeout", new WebhookOptions { Timeout = TimeSpan.Zero }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Webhooks:Timeout", new WebhookOptions { Timeout = TimeSpan.FromMinutes(2) }.Problem(), StringComparison.Ordinal);
        // Polly's timeout strategy (the attempt's deadline) refuses less than 10 ms.
        Assert.Contains("Webhooks:Timeout", new WebhookOptions { Timeout = TimeSpan.FromMilliseconds(9), SlotWait = TimeSpan.Zero }.Problem(), StringComparison.Ordinal);
        Assert.Null(new WebhookOptions { Timeout = TimeSpan.FromMilliseconds(10), SlotWait = TimeSpan.Zero }.Problem());
        Assert.Contains("Webhooks:DisableAfter", new WebhookOptions { DisableAfter = TimeSpan.Zero }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxInFlightPerEndpoint", new WebhookOptions { MaxInFlightPerEndpoint = 0 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxEndpointsPerMerchant", new WebhookOptions { MaxEndpointsPerMerchant = 0 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxEndpointsPerMerchant", new WebhookOptions { MaxEndpointsPerMerchant = 101 }.Problem(), StringComparison.Ordinal);
        Assert.Null(new WebhookOptions { MaxEndpointsPerMerchant = 100 }.Problem());
        Assert.Contains("Webhooks:MaxRedeliveriesPerHour", new WebhookOptions { MaxRedeliveriesPerHour = 0 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxRedeliveriesPerHour", new WebhookOptions { MaxRedeliveriesPerHour = 101 }.Problem(), StringComparison.Ordinal);
        Assert.Null(new WebhookOptions { MaxRedeliveriesPerHour = 1 }.Problem());
        Assert.Null(new WebhookOptions { MaxRedeliveriesPerHour = 100 }.Problem());
    }

    [Fact]
    public void An_empty_schedule_means_no_retries() => Assert.Null(new WebhookOptions { RetrySchedule = "" }.DelayAfter(1));
}
