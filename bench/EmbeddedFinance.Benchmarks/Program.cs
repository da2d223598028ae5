using EmbeddedFinance.Benchmarks;

// dotnet run -c Release --project bench/EmbeddedFinance.Benchmarks -- tokens|payments [clients] [seconds]
//                                                                   settlement [jobs]
//                                                                   webhooks [payments per second] [seconds]
var name = args.FirstOrDefault() ?? "tokens";
var clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;

switch (name)
{
    case "tokens":
        await TokenizationBenchmark.RunAsync(clients, TimeSpan.FromSeconds(seconds));
        break;
    case "payments":
        await PaymentBenchmark.RunAsync(clients, TimeSpan.FromSeconds(seconds));
        break;
    case "webhooks":
        await WebhookBenchmark.RunAsync(args.Length > 1 ? clients : 50, TimeSpan.FromSeconds(args.Length > 2 ? seconds : 20));
        break;
    case "settlement":
        await SettlementBenchmark.RunAsync(args.Length > 1 ? clients : 1_000);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{name}'. Available: tokens, payments, settlement, webhooks");
        return 2;
}
return 0;
