using System.Net;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Onboarding;

/// <summary>
/// The verifier down for a stretch of many park cycles (a minute's outage, shrunk: park delays of a second or two):
/// Polly's retries run out, the request is parked, not poisoned, and comes back until the verifier answers; then the
/// account is verified once and payouts open. Nothing waits on a person.
/// </summary>
public sealed class IdentityVerifierOutageTests : HostedTest
{
    private readonly OutageVerifier verifier = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Onboarding:VerifierRetryBaseDelay"] = "00:00:00.010",
        ["Onboarding:VerifierMaxRetries"] = "2",
        ["Recovery:ParkBaseDelay"] = "00:00:01",
        ["Recovery:ParkMaxDelay"] = "00:00:02",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IIdentityVerifier>(verifier);

    [Fact]
    public async Task An_outage_of_the_verifier_delays_verification_parks_the_request_and_strands_nothing()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var account = await client.AccountAsync("Late", payoutDestination: null);
        verifier.Down = true;
        await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{account}", client.Merchant.SecretKey, new { individual = PaymentClient.Individual() }), HttpStatusCode.OK);

        // Several parkings, each after Polly's retries ran out: the outage outlasts any in-process retrying.
        await Eventually.HoldsAsync(() => Host.Logs.Lines.Count(line => line.Contains("VerifyIdentity parked", StringComparison.Ordinal)) >= 3, "parked three times",
            state: () => $"verifier refused {verifier.Refused}");
        var during = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{account}"), HttpStatusCode.OK);
        Assert.Equal("pending", during.GetProperty("individual").GetProperty("verification_status").GetString());
        Assert.False(during.GetProperty("payouts_enabled").GetBoolean());
        Assert.True(verifier.Refused >= 9, $"the verifier refused only {verifier.Refused} calls");

        verifier.Down = false;
        await Eventually.HoldsAsync(async () =>
            (await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{account}"), HttpStatusCode.OK)).GetProperty("payouts_enabled").GetBoolean(), "verified after the outage");
        Assert.Equal(0, await Host.CountPoisonedAsync());
        Assert.Equal(1, await Host.CountEventsAsync($"{client.Merchant.Id}:test", "account.verified"));
        Assert.Equal(1, verifier.Answered);
    }

    /// <summary>The sandbox verifier behind a switch: while down, every call fails as a provider outage does.</summary>
    private sealed class OutageVerifier : IIdentityVerifier
    {
        private readonly SandboxIdentityVerifier sandbox = new();
        private int refused;
        private int answered;

        public volatile bool Down;

        public int Refused => refused;
        public int Answered => answered;

        public async Task<IdentityVerdict> VerifyAsync(IdentityCheck check, CancellationToken cancellationToken)
        {
            if (Down)
            {
                Interlocked.Increment(ref refused);
                throw new IdentityVerifierUnavailableException("503 from the identity provider");
            }
            Interlocked.Increment(ref answered);
            return await sandbox.VerifyAsync(check, cancellationToken);
        }
    }
}
