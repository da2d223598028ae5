using EmbeddedFinance.Benchmarks;

// dotnet run -c Release --project bench/EmbeddedFinance.Benchmarks -- tokens [clients] [seconds]
//                                                                   payments [clients] [seconds] [no-relay]
//                                                                   risk [clients] [seconds] [rounds] [no-relay]: payments with risk screening off vs on, alternating rounds
//                                                                   settlement [jobs]
//                                                                   growth [clients] [seconds]: payments before and after 100,000 unrelated rows
//                                                                   webhooks [payments per second] [seconds]
//                                                                   webhook-signing [payments per second] [seconds]: an hmac-sha256 and an ed25519 endpoint in one run, and each scheme's signing cost
//                                                                   auth [clients] [seconds]: authentication's cost per request (secret, restricted, unknown key)
//                                                                   portal [payments, default 1000] [loads, default 50]: portal page load times with that many payments stored
//                                                                   report [markdown path, default docs/benchmarks/latest.md]: all of them
// payments no-relay measures the request path alone (nothing settles or delivers); BENCH_CALLS=1 in the
// environment makes payments (and auth) print their storage calls by shape as well, queue calls (every client in the process) included.
var name = args.FirstOrDefault() ?? "tokens";
int Number(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

switch (name)
{
    case "tokens":
        await TokenizationBenchmark.RunAsync(Number(1, 16), TimeSpan.FromSeconds(Number(2, 10)), Console.Out);
        break;
    case "payments":
        await PaymentBenchmark.RunAsync(Number(1, 16), TimeSpan.FromSeconds(Number(2, 10)), Console.Out, relay: !args.Contains("no-relay"));
        break;
    case "risk":
        await RiskBenchmark.RunAsync(Number(1, 16), TimeSpan.FromSeconds(Number(2, 10)), args.Length > 3 && int.TryParse(args[3], out var rounds) ? rounds : 3, Console.Out, relay: !args.Contains("no-relay"));
        break;
    case "webhooks":
        await WebhookBenchmark.RunAsync(Number(1, 50), TimeSpan.FromSeconds(Number(2, 20)), Console.Out);
        break;
    case "webhook-signing":
        SigningCost.Run(Console.Out);
        await WebhookBenchmark.RunAsync(Number(1, 50), TimeSpan.FromSeconds(Number(2, 20)), Console.Out, ["hmac-sha256", "ed25519"]);
        break;
    case "auth":
        await AuthBenchmark.RunAsync(Number(1, 8), TimeSpan.FromSeconds(Number(2, 5)), Console.Out);
        break;
    case "report":
        await BenchmarkReport.RunAsync(args.Length > 1 ? args[1] : "docs/benchmarks/latest.md");
        break;
    case "growth":
        await GrowthBenchmark.RunAsync(Number(1, 16), TimeSpan.FromSeconds(Number(2, 10)), Console.Out);
        break;
    case "portal":
        await PortalBenchmark.RunAsync(Number(1, 1_000), Number(2, 50), Console.Out);
        break;
    case "settlement":
        await SettlementBenchmark.RunAsync(Number(1, 1_000), Console.Out);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{name}'. Available: tokens, payments, risk, growth, settlement, webhooks, webhook-signing, auth, portal, report");
        return 2;
}
return 0;
