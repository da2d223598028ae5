using System.Security.Cryptography;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Vault;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Payments;

public sealed class CreatePaymentTests
{
    private static readonly Caller.Merchant Shop = new("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);
    private static readonly Currency Eur = Currency.TryParse("eur", out var eur) ? eur : throw new InvalidOperationException();

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<IPaymentStore> payments = new();
    private readonly Mock<IAccountStore> accounts = new();
    private readonly Mock<ITokenStore> tokens = new();
    private readonly Mock<IAcquirer> acquirer = new();
    private readonly Mock<ISecretStore> secrets = new();
    private readonly Mock<IDisputeSchedule> disputes = new();
    private readonly List<PaymentChange> stored = [];
    private readonly string tokenId;
    private readonly string seller;
    private readonly Mock<IActivityCounters> counters = new();
    private RiskScreening? screening;

    public CreatePaymentTests()
    {
        tokenId = PrefixedId.New("tok", clock);
        seller = PrefixedId.New("acct", clock);
        // The card is sealed for real: the reader is a concrete class and only its store is a port.
        var key = new SecretValue(SecretNames.CardDataKey, "v1", new Sensitive(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        secrets.Setup(s => s.GetAsync(SecretNames.CardDataKey, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        secrets.Setup(s => s.GetVersionAsync(SecretNames.CardDataKey, "v1", It.IsAny<CancellationToken>())).ReturnsAsync(key);
        var number = CardNumber.Parse("4242424242424242", "number").Value!;
        var card = new CardSealer(new DataKeys(secrets.Object)).SealAsync(Shop.Scope, tokenId, number, null, CancellationToken.None).GetAwaiter().GetResult();
        var token = new CardToken(tokenId, Shop.Scope, CardBrand.Visa, "4242", new CardExpiry(12, 2031), "fp", Mode.Test, clock.GetUtcNow());
        tokens.Setup(t => t.GetAsync(Shop.Scope, tokenId, It.IsAny<CancellationToken>())).ReturnsAsync((token, card));
        accounts.Setup(a => a.ExistsAsync(Shop.Scope, seller, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        acquirer.Setup(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AcquirerDecision.Approved("auth_1"));
        payments.Setup(p => p.CreateAsync(It.IsAny<PaymentChange>(), It.IsAny<CancellationToken>()))
            .Callback<PaymentChange, CancellationToken>((change, _) => { stored.Add(change); change.Completion?.Lease.MarkCommitted(); })
            .Returns(Task.CompletedTask);
    }

    private CreatePayment UseCase => new(payments.Object, accounts.Object,
        new CardAuthorizationReader(tokens.Object, new CardSealer(new DataKeys(secrets.Object)), NullLogger<CardAuthorizationReader>.Instance),
        acquirer.Object, screening ?? RiskScreeningTests.Off(clock), disputes.Object, Options.Create(new DisputeOptions()), clock, NullLogger<CreatePayment>.Instance);

    private CreatePaymentCommand Command(bool capture = true, string? token = null, IReadOnlyList<Split>? splits = null) =>
        new(new Money(1000, Eur), token ?? tokenId, capture, 100, splits ?? [new Split(seller, 900)], "ride", new Dictionary<string, string>());

    private Task<Result<StoredResponse>> Run(CreatePaymentCommand command, IdempotencyLease? lease = null, Caller.Merchant? caller = null) =>
        UseCase.HandleAsync(caller ?? Shop, command, lease, CancellationToken.None);

    private void Declines() => acquirer.Setup(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(new AcquirerDecision.Declined("card_declined", "The card was declined."));

    private void NothingAuthorizedOrStored()
    {
        acquirer.Verify(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(stored);
    }

    private static JsonElement Body(StoredResponse response) => JsonDocument.Parse(response.Body).RootElement;

    [Fact]
    public async Task A_live_key_is_forbidden_before_anything_is_read()
    {
        var result = await Run(Command(), caller: Shop with { Mode = Mode.Live });

        Assert.Equal(403, result.Error?.Status);
        tokens.VerifyNoOtherCalls();
        NothingAuthorizedOrStored();
    }

    [Fact]
    public async Task A_token_not_in_the_scope_is_resource_missing_on_payment_method()
    {
        var result = await Run(Command(token: PrefixedId.New("tok", clock)));

        Assert.Equal((404, "resource_missing", "payment_method"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingAuthorizedOrStored();
    }

    [Fact]
    public async Task An_id_of_another_type_is_resource_missing_on_payment_method_without_a_read()
    {
        var result = await Run(Command(token: seller));

        Assert.Equal((404, "resource_missing", "payment_method"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        tokens.VerifyNoOtherCalls();
        NothingAuthorizedOrStored();
    }

    [Fact]
    public async Task A_split_account_that_does_not_exist_is_named_by_its_index()
    {
        var missing = PrefixedId.New("acct", clock);

        var result = await Run(Command(splits: [new Split(seller, 400), new Split(missing, 500)]));

        Assert.Equal((404, "resource_missing", "splits[1].account"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingAuthorizedOrStored();
    }

    [Fact]
    public async Task A_decline_stores_a_failed_payment_with_its_event_and_no_ledger_and_answers_402_naming_it()
    {
        Declines();

        var result = await Run(Command());

        var change = Assert.Single(stored);
        Assert.Equal((402, "card_declined", "payment_method"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        Assert.Equal(change.Payment.Id, result.Error!.Extensions["payment"]);
        Assert.Equal((PaymentStatus.Failed, "card_declined"), (change.Payment.Status, change.Payment.FailureCode));
        Assert.Null(change.Ledger);
        Assert.Equal(EventTypes.PaymentFailed, change.Event.Type);
    }

    [Fact]
    public async Task A_decline_under_the_guard_records_with_the_payment_exactly_the_402_the_guard_answers()
    {
        Declines();
        var lease = new IdempotencyLease(Shop.Scope, "k", "fp", "etag", clock.GetUtcNow());
        var records = new Mock<IIdempotencyStore>();
        records.Setup(r => r.BeginAsync(Shop.Scope, "k", "fp", It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyBegin.Acquired(lease));
        var guard = new IdempotencyGuard(records.Object, Options.Create(new IdempotencyOptions()), NullLogger<IdempotencyGuard>.Instance);

        var outcome = await guard.ExecuteAsync(Shop.Scope, IdempotencyKeySpace.ServerSide, "k", "fp", leased => Run(Command(), leased),
            error => ProblemDocument.Render(error, "req_1"), CancellationToken.None);

        var change = Assert.Single(stored);
        Assert.Equal(outcome.Response, change.Completion?.Response);
        Assert.Equal((402, StoredResponse.Problem), (outcome.Response.Status, outcome.Response.ContentType));
        Assert.Equal(change.Payment.Id, Body(outcome.Response).GetProperty("payment").GetString());
        Assert.Equal("req_1", Body(outcome.Response).GetProperty("request_id").GetString());
        // Recorded in the payment's batch, never by a second write.
        records.Verify(r => r.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_captured_payment_succeeds_with_balanced_capture_postings_and_payment_succeeded()
    {
        var result = await Run(Command());

        var change = Assert.Single(stored);
        Assert.Equal(201, result.Value?.Status);
        Assert.Equal("succeeded", Body(result.Value!).GetProperty("status").GetString());
        Assert.Equal((PaymentStatus.Succeeded, 1000L), (change.Payment.Status, change.Payment.AmountCaptured));
        Assert.Equal(LedgerTypes.Capture, change.Ledger?.Type);
        Assert.Equal(change.Payment.Id, change.Ledger?.Reference);
        Assert.Equal(
            new[] { new Posting(LedgerAccounts.Clearing, -1000), new Posting(LedgerAccounts.Fee, 100), new Posting(LedgerAccounts.Pending(seller), 900) },
            change.Ledger!.Postings);
        Assert.Equal(EventTypes.PaymentSucceeded, change.Event.Type);
    }

    [Fact]
    public async Task Without_capture_the_payment_requires_capture_and_touches_no_ledger()
    {
        var result = await Run(Command(capture: false));

        var change = Assert.Single(stored);
        Assert.Equal("requires_capture", Body(result.Value!).GetProperty("status").GetString());
        Assert.Equal((PaymentStatus.RequiresCapture, 0L), (change.Payment.Status, change.Payment.AmountCaptured));
        Assert.Null(change.Ledger);
        Assert.Equal(EventTypes.PaymentRequiresCapture, change.Event.Type);
    }

    [Fact]
    public async Task A_lease_is_completed_with_the_response_in_the_payments_own_change()
    {
        var lease = new IdempotencyLease(Shop.Scope, "k", "fp", "etag", clock.GetUtcNow());

        var result = await Run(Command(), lease);

        var completion = Assert.Single(stored).Completion;
        Assert.Same(lease, completion?.Lease);
        Assert.Equal(result.Value, completion?.Response);
    }

    [Fact]
    public async Task An_approval_the_card_holder_disputes_later_schedules_the_dispute_before_the_payment_commits()
    {
        var order = new List<string>();
        acquirer.Setup(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AcquirerDecision.Approved("auth_1") { DisputedLater = true });
        disputes.Setup(d => d.ScheduleAsync(It.IsAny<DisputeWork>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("schedule")).Returns(Task.CompletedTask);
        payments.Setup(p => p.CreateAsync(It.IsAny<PaymentChange>(), It.IsAny<CancellationToken>()))
            .Callback<PaymentChange, CancellationToken>((change, _) => { order.Add("commit"); stored.Add(change); }).Returns(Task.CompletedTask);

        await Run(Command());

        var payment = Assert.Single(stored).Payment;
        Assert.Equal(["schedule", "commit"], order);
        disputes.Verify(d => d.ScheduleAsync(new DisputeWork(DisputeWorkKind.Open, Shop.Scope, payment.Id, clock.GetUtcNow() + new DisputeOptions().SandboxAfter), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task An_ordinary_approval_schedules_no_dispute()
    {
        await Run(Command());

        Assert.Single(stored);
        disputes.VerifyNoOtherCalls();
    }

    /// <summary>Screening on, with the card's counter answering <paramref name="cardAttempts"/> attempts in this minute (this one included).</summary>
    private void ScreensWith(int cardAttempts, RiskRules? rules = null)
    {
        var series = Enumerable.Range(0, cardAttempts).Aggregate(ActivitySeries.Empty, (counted, _) => counted.Add(clock.GetUtcNow()));
        counters.Setup(c => c.AddAsync(It.Is<ActivityKey>(key => key.Dimension == ActivityKey.Card && key.Value == "fp"), RiskEvent.Attempt, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Activity(series, ActivitySeries.Empty));
        screening = RiskScreeningTests.On(clock, counters.Object, rules);
    }

    [Fact]
    public async Task The_attempt_is_counted_on_the_card_before_the_acquirer_is_asked()
    {
        var order = new List<string>();
        ScreensWith(1);
        counters.Setup(c => c.AddAsync(It.IsAny<ActivityKey>(), RiskEvent.Attempt, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("counted")).ReturnsAsync(Activity.None.Add(RiskEvent.Attempt, clock.GetUtcNow()));
        acquirer.Setup(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("authorized")).ReturnsAsync(new AcquirerDecision.Approved("auth_1"));

        var result = await Run(Command());

        Assert.Equal(["counted", "authorized"], order);
        var risk = Assert.Single(stored).Payment.Risk!;
        Assert.Equal((RiskEvaluation.BaseScore, RiskLevel.Normal, 0), (risk.Score, risk.Level, risk.Rules.Count));
        Assert.Equal("normal", Body(result.Value!).GetProperty("risk").GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_card_over_its_velocity_with_review_is_authorized_and_held_without_capture_or_ledger()
    {
        ScreensWith(21);

        var result = await Run(Command(capture: true));

        var change = Assert.Single(stored);
        Assert.Equal((PaymentStatus.RequiresReview, 0L), (change.Payment.Status, change.Payment.AmountCaptured));
        Assert.Null(change.Ledger);
        Assert.Equal(EventTypes.ReviewOpened, change.Event.Type);
        Assert.Equal([RiskRuleNames.CardVelocity], change.Payment.Risk!.Rules);
        Assert.Equal((201, "requires_review"), (result.Value!.Status, Body(result.Value!).GetProperty("status").GetString()));
        acquirer.Verify(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_blocking_rule_stores_a_failed_payment_answers_402_payment_blocked_and_never_asks_the_acquirer()
    {
        ScreensWith(21, RiskRules.Defaults with { CardVelocity = new VelocityRule(20, 60, RiskAction.Block) });

        var result = await Run(Command());

        var change = Assert.Single(stored);
        Assert.Equal((402, "payment_blocked"), (result.Error?.Status, result.Error?.Code));
        Assert.Equal(change.Payment.Id, result.Error!.Extensions["payment"]);
        Assert.Equal((PaymentStatus.Failed, "blocked", EventTypes.PaymentFailed), (change.Payment.Status, change.Payment.FailureCode, change.Event.Type));
        Assert.Null(change.Ledger);
        acquirer.Verify(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_decline_is_counted_towards_the_cards_decline_burst_after_the_commit()
    {
        ScreensWith(1);
        Declines();

        await Run(Command());

        Assert.Single(stored);
        counters.Verify(c => c.AddAsync(It.Is<ActivityKey>(key => key.Value == "fp"), RiskEvent.Decline, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task With_screening_off_no_counter_is_touched_and_the_payment_has_no_risk()
    {
        var result = await Run(Command());

        Assert.Null(Assert.Single(stored).Payment.Risk);
        Assert.False(Body(result.Value!).TryGetProperty("risk", out _));
        counters.VerifyNoOtherCalls();
    }
}
