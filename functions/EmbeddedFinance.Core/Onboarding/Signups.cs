using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.Versions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The self-service sandbox (API.md "Developer portal and partner onboarding"): anyone may open a test-mode merchant and
/// get its keys, once, within the caps per client address and per platform hour. Live mode stays closed until an operator
/// approves a live access request.
/// </summary>
public sealed class Signups(
    IMerchantStore merchants, ISignupQuota quota, AuditTrail audit, IOptions<SignupOptions> options, TimeProvider clock, ILogger<Signups> logger)
{
    /// <summary>The action the audit trail records a sign-up under; the terms accepted are recorded with their version.</summary>
    public const string AuditAction = "signups.create";

    public string TermsInForce => options.Value.TermsVersion;

    public async Task<Result<StoredResponse>> SignUpAsync(SignupCommand command, string clientAddress, string requestId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return Errors.Forbidden("Self-service sign-up is closed on this platform; ask the operator for a merchant.");
        var now = clock.GetUtcNow();
        if (await quota.TryClaimAsync(clientAddress, settings.PerAddressPerHour, settings.PerHour, now, cancellationToken) is { } wait)
        {
            logger.LogWarning("Sign-up refused: the hourly cap for client address {ClientAddress} or the platform is reached, request {RequestId}", clientAddress, requestId);
            return new ApiError(429, "rate_limited",
                $"Too many sign-ups from this address, or on the platform, this hour. Retry after {Errors.RetryAfterSeconds(wait)} s (the Retry-After header).")
                { RetryAfter = wait, Transient = true };
        }

        // Sandbox merchants start in the US in dollars, the sandbox's defaults; the operator's POST /v1/merchants chooses.
        Country.TryParse("US", out var country);
        Amounts.Currency.TryParse("usd", out var currency);
        var merchant = new Merchant(PrefixedId.New("mer", clock), command.Name, country, currency, now)
        {
            ApiVersion = ApiVersions.Newest,
            Email = command.Email,
            Terms = new TermsAcceptance(command.TermsVersion, now),
        };
        var secret = IssuedApiKey.Mint(merchant.Id, ApiKeyKind.Secret, Mode.Test, clock);
        var publishable = IssuedApiKey.Mint(merchant.Id, ApiKeyKind.Publishable, Mode.Test, clock);
        await merchants.CreateAsync(merchant, [secret.Record, publishable.Record], null, cancellationToken);

        var scope = MerchantScope.Of(merchant.Id, Mode.Test);
        await audit.RecordAsync(scope, secret.Record.KeyId, AuditAction, 201, null, replayed: false, requestId);
        await audit.RecordAsync(scope, secret.Record.KeyId, TermsAcceptedAction(command.TermsVersion), 201, null, replayed: false, requestId);
        logger.LogInformation("Sandbox sign-up created merchant {MerchantId} with keys {SecretKeyId} and {PublishableKeyId}; terms {TermsVersion} accepted, request {RequestId}",
            merchant.Id, secret.Record.KeyId, publishable.Record.KeyId, command.TermsVersion, requestId);
        return StoredResponse.Of(201, SignupView.From(merchant, MerchantApiKeysView.From(secret, publishable)));
    }

    /// <summary>The audit action naming the terms accepted: the trail alone then says who accepted which version when.</summary>
    public static string TermsAcceptedAction(string version) => $"terms.accepted:{version}";
}
