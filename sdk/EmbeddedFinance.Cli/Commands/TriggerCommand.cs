using System.CommandLine;
using EmbeddedFinance.Client;

namespace EmbeddedFinance.Cli.Commands;

/// <summary><c>ef trigger &lt;event type&gt;</c>: creates, in test mode, what makes the platform emit that event.</summary>
public static class TriggerCommand
{
    private delegate Task<string> Scenario(EmbeddedFinanceClient client, CancellationToken cancellationToken);

    private static readonly IReadOnlyDictionary<string, Scenario> Scenarios = new Dictionary<string, Scenario>(StringComparer.Ordinal)
    {
        [EventTypes.PaymentSucceeded] = async (client, ct) => Describe(await PayAsync(client, "4242 4242 4242 4242", "automatic", ct)),
        [EventTypes.PaymentFailed] = async (client, ct) =>
        {
            try
            {
                await PayAsync(client, "4000 0000 0000 0002", "automatic", ct);
                throw new CliException(ExitCodes.Failed, "The sandbox approved its decline card: is this a live key?");
            }
            catch (ApiException declined) when (declined.Code == "card_declined")
            {
                return $"declined payment {declined.ProblemMember("payment")}";
            }
        },
        [EventTypes.PaymentRequiresCapture] = async (client, ct) => Describe(await PayAsync(client, "4242 4242 4242 4242", "manual", ct)),
        [EventTypes.PaymentCaptured] = async (client, ct) =>
            Describe(await client.Payments.CaptureAsync((await PayAsync(client, "4242 4242 4242 4242", "manual", ct)).Id, cancellationToken: ct)),
        [EventTypes.PaymentCanceled] = async (client, ct) =>
            Describe(await client.Payments.CancelAsync((await PayAsync(client, "4242 4242 4242 4242", "manual", ct)).Id, cancellationToken: ct)),
        [EventTypes.PaymentRefunded] = async (client, ct) =>
        {
            var payment = await PayAsync(client, "4242 4242 4242 4242", "automatic", ct);
            var refund = await client.Payments.RefundAsync(payment.Id, cancellationToken: ct);
            return $"{Describe(payment)}, refund {refund.Id}";
        },
        [EventTypes.AccountCreated] = async (client, ct) => $"account {(await AccountAsync(client, ct)).Id}",
        [EventTypes.AccountUpdated] = async (client, ct) =>
        {
            var account = await AccountAsync(client, ct);
            await client.Accounts.UpdateAsync(account.Id, new UpdateAccountRequest { PayoutSchedule = new PayoutSchedule { Interval = "daily" } }, cancellationToken: ct);
            return $"account {account.Id} (payout schedule set to daily)";
        },
        // Seam: payout.*, dispute.* and review.* take balances or sandbox timers; they are added with the flows that make them quick.
    };

    public static IReadOnlyCollection<string> Supported => [.. Scenarios.Keys];

    public static Command Create(GlobalOptions global, CliContext context, CliConfig config)
    {
        var type = new Argument<string>("event-type") { Description = $"One of: {string.Join(", ", Scenarios.Keys)}" };
        var command = new Command("trigger", "Create in test mode what produces an event.") { type };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(type)!;
            if (!Scenarios.TryGetValue(name, out var scenario))
                throw new CliException(ExitCodes.Usage, $"ef trigger cannot make '{name}' yet. It can make: {string.Join(", ", Scenarios.Keys)}.");
            var key = global.ResolveApiKey(parse, context, config);
            if (key.Contains("_live_", StringComparison.Ordinal)) throw new CliException(ExitCodes.Usage, "ef trigger runs in test mode only: use a sk_test_ key.");
            using var client = global.Client(parse, context, config);
            await context.Output.WriteLineAsync($"Triggered {name}: created {await scenario(client, cancellationToken)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Payment> PayAsync(EmbeddedFinanceClient client, string card, string capture, CancellationToken cancellationToken)
    {
        var token = await client.Tokens.CreateAsync(new CreateTokenRequest { Card = new CardInput { Number = card, ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 3, Cvc = "123" } }, cancellationToken: cancellationToken);
        return await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 2000, Currency = "usd", PaymentMethod = token.Id, CaptureMethod = capture, Description = "ef trigger" }, cancellationToken: cancellationToken);
    }

    private static Task<Account> AccountAsync(EmbeddedFinanceClient client, CancellationToken cancellationToken) =>
        client.Accounts.CreateAsync(new CreateAccountRequest { DisplayName = "ef trigger", Email = "trigger@example.com", Country = "US", DefaultCurrency = "usd" }, cancellationToken: cancellationToken);

    private static string Describe(Payment payment) => $"token {payment.Card.Token}, payment {payment.Id} ({payment.Status})";
}
