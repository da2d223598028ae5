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
        [EventTypes.PayoutCreated] = PayOutAsync,
        [EventTypes.PayoutPaid] = PayOutAsync,
        [EventTypes.DisputeCreated] = async (client, ct) =>
            $"{Describe(await PayAsync(client, DisputedCard, "automatic", ct))} with the sandbox's disputed card: the dispute opens a few seconds after the capture",
        [EventTypes.ReviewOpened] = async (client, ct) => $"{Describe(await HeldAsync(client, ct))}, held for review by the sandbox's elevated-risk card",
        [EventTypes.ReviewClosed] = async (client, ct) =>
            $"{Describe(await client.Payments.ApproveAsync((await HeldAsync(client, ct)).Id, cancellationToken: ct))}, held for review and approved",
    };

    private const string DisputedCard = "4000 0000 0000 0259";
    private const string ElevatedRiskCard = "4000 0000 0000 9235";
    private static readonly TimeSpan SettlementWait = TimeSpan.FromSeconds(60);

    public static IReadOnlyCollection<string> Supported => [.. Scenarios.Keys];

    private static readonly IndividualInput SandboxIdentity = new()
    {
        FirstName = "Eve", LastName = "Trigger", Dob = new DateOfBirth { Day = 1, Month = 1, Year = 1990 },
        Address = new AddressInput { Line1 = "1 Main St", City = "San Francisco", State = "CA", PostalCode = "94105" }, IdNumberLast4 = "0000",
    };

    /// <summary>A seller paid for a ride, the share settled into its available balance, then paid out (payout.paid follows).</summary>
    private static async Task<string> PayOutAsync(EmbeddedFinanceClient client, CancellationToken cancellationToken)
    {
        var seller = await client.Accounts.CreateAsync(new CreateAccountRequest
        {
            DisplayName = "ef trigger", Email = "trigger@example.com", Country = "US", DefaultCurrency = "usd",
            PayoutDestination = new PayoutDestinationInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
        }, cancellationToken: cancellationToken);
        // Payouts need a verified identity: the sandbox verifies last four 0000.
        await client.Accounts.UpdateAsync(seller.Id, new UpdateAccountRequest { Individual = SandboxIdentity }, cancellationToken: cancellationToken);
        var token = await client.Tokens.CreateAsync(new CreateTokenRequest { Card = new CardInput { Number = "4242 4242 4242 4242", ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 3, Cvc = "123" } }, cancellationToken: cancellationToken);
        await client.Payments.CreateAsync(new CreatePaymentRequest
        {
            Amount = 2000, Currency = "usd", PaymentMethod = token.Id, ApplicationFeeAmount = 300, Splits = [new Split { Account = seller.Id, Amount = 1700 }], Description = "ef trigger",
        }, cancellationToken: cancellationToken);
        var deadline = DateTime.UtcNow + SettlementWait;
        while ((await client.Accounts.GetBalanceAsync(seller.Id, cancellationToken: cancellationToken)).Available.Where(amount => amount.Currency == "usd").Sum(amount => amount.Amount) < 1700)
        {
            if (DateTime.UtcNow > deadline) throw new CliException(ExitCodes.Failed, $"The payment to {seller.Id} did not settle within {SettlementWait.TotalSeconds} s: is the platform's settlement running?");
            await Task.Delay(250, cancellationToken);
        }
        while (!(await client.Accounts.GetAsync(seller.Id, cancellationToken: cancellationToken)).PayoutsEnabled)
        {
            if (DateTime.UtcNow > deadline) throw new CliException(ExitCodes.Failed, $"{seller.Id} was not verified within {SettlementWait.TotalSeconds} s: is the platform's identity verification running?");
            await Task.Delay(250, cancellationToken);
        }
        var payout = await client.Payouts.CreateAsync(new CreatePayoutRequest { Account = seller.Id, Amount = 1700, Currency = "usd" }, cancellationToken: cancellationToken);
        return $"account {seller.Id}, a settled payment to it, payout {payout.Id}";
    }

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

    /// <summary>A payment on the card that always scores <c>elevated</c>: held in <c>requires_review</c> unless the merchant's rules say otherwise.</summary>
    private static async Task<Payment> HeldAsync(EmbeddedFinanceClient client, CancellationToken cancellationToken)
    {
        var payment = await PayAsync(client, ElevatedRiskCard, "automatic", cancellationToken);
        return payment.Status == "requires_review" ? payment
            : throw new CliException(ExitCodes.Failed, $"Payment {payment.Id} was not held for review ({payment.Status}): the merchant's risk rules do not review an elevated score (elevated_action).");
    }

    private static Task<Account> AccountAsync(EmbeddedFinanceClient client, CancellationToken cancellationToken) =>
        client.Accounts.CreateAsync(new CreateAccountRequest { DisplayName = "ef trigger", Email = "trigger@example.com", Country = "US", DefaultCurrency = "usd" }, cancellationToken: cancellationToken);

    private static string Describe(Payment payment) => $"token {payment.Card.Token}, payment {payment.Id} ({payment.Status})";
}
