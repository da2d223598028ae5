using EmbeddedFinance.Benchmarks;

// dotnet run -c Release --project bench/EmbeddedFinance.Benchmarks -- tokens|payments [clients] [seconds]
//                                                                   payments [clients] [seconds] no-relay: the request path alone
// BENCH_CALLS=1 before it: payments also prints its storage calls by shape.
//                                                                   settlement [jobs]
//                                                                   webhooks [payments per second] [seconds]
//                                                                   report [markdown path, default docs/benchmarks/latest.md]: all of them
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
    case "webhooks":
        await WebhookBenchmark.RunAsync(Number(1, 50), TimeSpan.FromSeconds(Number(2, 20)), Console.Out);
        break;
    case "report":
        await BenchmarkReport.RunAsync(args.Length > 1 ? args[1] : "docs/benchmarks/latest.md");
        break;
    case "settlement":
        await SettlementBenchmark.RunAsync(Number(1, 1_000), Console.Out);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{name}'. Available: tokens, payments, settlement, webhooks, report");
        return 2;
}
return 0;
