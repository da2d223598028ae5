using System.Text.RegularExpressions;
using EmbeddedFinance.Cli;
using EmbeddedFinance.Client;
using EmbeddedFinance.Client.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// The <c>ef</c> commands run in-process against the development host over sockets, with a private config directory,
/// forwarding to a Kestrel receiver on 127.0.0.1.
/// </summary>
public sealed partial class CliTests : HostedTest
{
    private readonly string configDirectory = Directory.CreateTempSubdirectory("ef-cli-").FullName;

    protected override bool UsesWebhookReceiver => true;

    // Screened as on a development host, so that `ef trigger review.*` finds its payment held.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Risk:Enabled"] = "true" };

    private CliContext Context(CapturedConsole output, CapturedConsole error, string? key) => new(output, error, name => name switch
    {
        CliContext.ApiBaseVariable => Host.Client.BaseAddress!.ToString(),
        CliContext.ApiKeyVariable => key,
        _ => null,
    }, configDirectory);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string? key, params string[] args)
    {
        var (output, error) = (new CapturedConsole(), new CapturedConsole());
        var exit = await EfCli.RunAsync(args, Context(output, error, key));
        return (exit, output.Text, error.Text);
    }

    private (Task<int> Run, CapturedConsole Output, CancellationTokenSource Stop) StartListening(string key, string forwardTo)
    {
        var (output, error) = (new CapturedConsole(), new CapturedConsole());
        var stop = new CancellationTokenSource();
        var run = EfCli.RunAsync(["listen", "--forward-to", forwardTo, "--poll-interval", "00:00:00.2"], Context(output, error, key), stop.Token);
        return (run, output, stop);
    }

    private static async Task<string> SecretPrintedAsync(CapturedConsole output)
    {
        await Eventually.HoldsAsync(() => output.Text.Contains("Your webhook signing secret is whsec_", StringComparison.Ordinal), "ef listen ready", state: () => output.Text);
        return PrintedSecret().Match(output.Text).Groups[1].Value;
    }

    [Fact]
    public async Task Listen_forwards_events_signed_with_its_printed_secret_and_a_restart_neither_loses_nor_repeats_one()
    {
        var merchant = await Host.CreateMerchantAsync();
        using var api = new EmbeddedFinanceClient(merchant.SecretKey, Host.Client.BaseAddress);
        Assert.Equal(0, (await RunAsync(merchant.SecretKey, "trigger", "account.created")).Exit);
        var before = (await api.Events.ListAsync()).Data.Select(item => item.Id).ToHashSet();
        Assert.NotEmpty(before);

        var first = StartListening(merchant.SecretKey, Receiver.Url("cli"));
        var secret = await SecretPrintedAsync(first.Output);
        Assert.Equal(0, (await RunAsync(merchant.SecretKey, "trigger", "payment.succeeded")).Exit);
        await Eventually.HoldsAsync(() => Receiver.On("cli").Any(webhook => webhook.Type == "payment.succeeded"), "the payment forwarded");
        var forwarded = Receiver.On("cli").First(webhook => webhook.Type == "payment.succeeded");
        var verified = new WebhookVerifier(secret).Verify(forwarded.Body, name => forwarded.Headers.TryGetValue(name, out var value) ? value : null);
        Assert.Equal("succeeded", Assert.IsType<Payment>(verified.DataObject).Status);
        await Eventually.HoldsAsync(() => first.Output.Text.Contains($"payment.succeeded          {verified.Id}  [200] ", StringComparison.Ordinal), "the forward's line", state: () => first.Output.Text);
        await first.Stop.CancelAsync();
        Assert.Equal(0, await first.Run);

        // While it is stopped, more happens; a restart picks up there, with the same secret.
        Assert.Equal(0, (await RunAsync(merchant.SecretKey, "trigger", "payment.refunded")).Exit);
        var second = StartListening(merchant.SecretKey, Receiver.Url("cli"));
        Assert.Equal(secret, await SecretPrintedAsync(second.Output));
        var expected = new List<string>();
        await Eventually.HoldsAsync(async () =>
        {
            expected = (await api.Events.ListAllAsync().Select(item => item.Id).ToListAsync()).Where(id => !before.Contains(id)).ToList();
            var received = Receiver.On("cli").Select(webhook => webhook.WebhookId).ToHashSet();
            return expected.Any() && expected.All(received.Contains) && (await api.Events.ListAsync(type: "payment.refunded")).Data.Count == 1;
        }, "every event since the first start forwarded", state: () => string.Join(",", Receiver.On("cli").Select(webhook => webhook.Type)));
        await second.Stop.CancelAsync();
        Assert.Equal(0, await second.Run);

        var ids = Receiver.On("cli").Select(webhook => webhook.WebhookId).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.DoesNotContain(ids, before.Contains);
        Assert.Contains(Receiver.On("cli"), webhook => webhook.Type == "payment.refunded");
        Assert.All(Receiver.On("cli"), webhook => new WebhookVerifier(secret).Verify(webhook.Body, name => webhook.Headers.TryGetValue(name, out var value) ? value : null));
    }

    [Fact]
    public async Task Login_keeps_the_key_readable_by_the_user_alone_and_bad_keys_or_an_unreachable_platform_exit_clearly()
    {
        var merchant = await Host.CreateMerchantAsync();

        var refused = await RunAsync(null, "login", "--api-key", "sk_test_not_a_key");
        Assert.Equal(ExitCodes.KeyRefused, refused.Exit);
        Assert.Contains("refused the key (401 unauthenticated)", refused.Error);
        Assert.False(File.Exists(Path.Combine(configDirectory, "config.json")));

        var unreachable = await RunAsync(null, "login", "--api-key", merchant.SecretKey, "--api-base", "http://127.0.0.1:1/api");
        Assert.Equal(ExitCodes.PlatformUnreachable, unreachable.Exit);
        Assert.Contains("Could not reach the platform at http://127.0.0.1:1/api/", unreachable.Error);

        var login = await RunAsync(null, "login", "--api-key", merchant.SecretKey);
        Assert.Equal(ExitCodes.Ok, login.Exit);
        Assert.DoesNotContain(merchant.SecretKey, login.Output);
        var stored = Path.Combine(configDirectory, "config.json");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        Assert.Contains(merchant.SecretKey, await File.ReadAllTextAsync(stored));

        // Later commands use the stored key without being given one.
        Assert.Equal(0, (await RunAsync(null, "trigger", "account.created")).Exit);
        var tail = await RunAsync(null, "logs", "tail");
        Assert.Equal(0, tail.Exit);
        Assert.Contains("account.created", tail.Output);

        Assert.Equal(ExitCodes.KeyRefused, (await RunAsync(merchant.PublishableKey, "logs", "tail")).Exit);
    }

    [Fact]
    public async Task Trigger_resend_and_tail_report_what_they_did_and_refuse_what_they_cannot_do()
    {
        var merchant = await Host.CreateMerchantAsync();
        using var api = new EmbeddedFinanceClient(merchant.SecretKey, Host.Client.BaseAddress);
        var endpoint = await api.WebhookEndpoints.CreateAsync(new CreateWebhookEndpointRequest { Url = Receiver.Url("endpoint"), EnabledEvents = ["*"] });

        var unknown = await RunAsync(merchant.SecretKey, "trigger", "payout.teleported");
        Assert.Equal(ExitCodes.Usage, unknown.Exit);
        Assert.Contains("It can make: payment.succeeded, payment.failed", unknown.Error);

        var declined = await RunAsync(merchant.SecretKey, "trigger", "payment.failed");
        Assert.Equal(0, declined.Exit);
        Assert.Matches("Triggered payment.failed: created declined payment pay_", declined.Output);
        var failed = Assert.Single((await api.Events.ListAsync(type: "payment.failed")).Data);
        await Eventually.HoldsAsync(() => Receiver.On("endpoint").Any(webhook => webhook.WebhookId == failed.Id), "the first delivery");

        var resend = await RunAsync(merchant.SecretKey, "events", "resend", failed.Id, "--endpoint", endpoint.Id);
        Assert.Equal(0, resend.Exit);
        Assert.Contains($"{failed.Id} is on its way again to {endpoint.Id}.", resend.Output);
        await Eventually.HoldsAsync(() => Receiver.On("endpoint").Count(webhook => webhook.WebhookId == failed.Id) == 2, "the resent delivery");

        var missing = await RunAsync(merchant.SecretKey, "events", "resend", "evt_missing");
        Assert.Equal(ExitCodes.ApiError, missing.Exit);
        Assert.Contains("404 resource_missing", missing.Error);

        var tail = await RunAsync(merchant.SecretKey, "logs", "tail", "--limit", "1");
        Assert.Equal(0, tail.Exit);
        Assert.Single(tail.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var reviewed = await RunAsync(merchant.SecretKey, "trigger", "review.closed");
        Assert.Equal(0, reviewed.Exit);
        Assert.Contains("(succeeded), held for review and approved", reviewed.Output);
        var closed = Assert.Single((await api.Events.ListAsync(type: EventTypes.ReviewClosed)).Data);
        var held = Assert.IsType<Payment>(closed.DataObject);
        Assert.Equal(("succeeded", "elevated"), (held.Status, held.Risk!.Level));
        Assert.Equal([EventTypes.PaymentSucceeded, EventTypes.ReviewClosed, EventTypes.ReviewOpened], (await api.Events.ListAsync(objectId: held.Id)).Data.Select(item => item.Type).Order());

        var payout = await RunAsync(merchant.SecretKey, "trigger", "payout.paid");
        Assert.Equal(0, payout.Exit);
        var payoutId = Regex.Match(payout.Output, @"payout (po_[a-z0-9]+)").Groups[1].Value;
        await Eventually.HoldsAsync(async () => (await api.Events.ListAsync(type: "payout.paid")).Data.Any(item => item.DataObjectAs<Payout>().Id == payoutId), "the triggered payout paid", state: () => payout.Output);

        var disputed = await RunAsync(merchant.SecretKey, "trigger", "dispute.created");
        Assert.Equal(0, disputed.Exit);
        await Eventually.HoldsAsync(async () => (await api.Events.ListAsync(type: "dispute.created")).Data.Count == 1, "the triggered dispute", seconds: 60);
    }

    [Fact]
    public async Task Listen_says_so_when_nothing_listens_at_the_forward_target_and_keeps_going()
    {
        var merchant = await Host.CreateMerchantAsync();
        var listen = StartListening(merchant.SecretKey, "http://127.0.0.1:1/hooks");
        await SecretPrintedAsync(listen.Output);

        Assert.Equal(0, (await RunAsync(merchant.SecretKey, "trigger", "payment.succeeded")).Exit);

        await Eventually.HoldsAsync(() => listen.Output.Text.Contains("[refused] nothing listens on 127.0.0.1:1: is your server running?", StringComparison.Ordinal), "the refusal reported", state: () => listen.Output.Text);
        Assert.False(listen.Run.IsCompleted);
        await listen.Stop.CancelAsync();
        Assert.Equal(0, await listen.Run);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(configDirectory, recursive: true);
    }

    [GeneratedRegex(@"Your webhook signing secret is (whsec_\S+)")]
    private static partial Regex PrintedSecret();
}
