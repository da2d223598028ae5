using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Tests.Versions;

public sealed class CaptureMethodChangeTests
{
    private static readonly CaptureMethodChange Change = new();

    private const string NewPayment = """{"id":"pay_1","object":"payment","amount":100,"status":"succeeded","capture_method":"manual","livemode":false,"metadata":{}}""";
    private const string OldPayment = """{"id":"pay_1","object":"payment","amount":100,"status":"succeeded","capture":false,"livemode":false,"metadata":{}}""";

    [Theory]
    [InlineData("automatic", true)]
    [InlineData("manual", false)]
    public void Backward_turns_capture_method_into_the_boolean_capture_in_place(string method, bool capture)
    {
        var payment = Payment($$"""{"id":"pay_1","object":"payment","status":"succeeded","capture_method":"{{method}}","livemode":false}""");
        Change.Backward(payment);
        Assert.Equal($$"""{"id":"pay_1","object":"payment","status":"succeeded","capture":{{(capture ? "true" : "false")}},"livemode":false}""", payment.ToJsonString());
    }

    [Fact]
    public void Forward_turns_the_boolean_capture_into_capture_method_in_place()
    {
        var payment = Payment(OldPayment);
        Change.Forward(payment);
        Assert.Equal(NewPayment, payment.ToJsonString());
    }

    [Theory]
    [InlineData(NewPayment)]
    [InlineData("""{"id":"pay_2","object":"payment","capture_method":"automatic"}""")]
    public void Backward_then_forward_gives_the_payment_back(string json)
    {
        var payment = Payment(json);
        Change.Backward(payment);
        Change.Forward(payment);
        Assert.Equal(json, payment.ToJsonString());
    }

    [Theory]
    [InlineData(OldPayment)]
    [InlineData("""{"id":"pay_2","object":"payment","capture":true}""")]
    public void Forward_then_backward_gives_the_old_payment_back(string json)
    {
        var payment = Payment(json);
        Change.Forward(payment);
        Change.Backward(payment);
        Assert.Equal(json, payment.ToJsonString());
    }

    [Theory]
    [InlineData("""{"id":"acct_1","object":"account","capture_method":"manual"}""")]
    [InlineData("""{"id":"acct_1","object":"account","capture":true}""")]
    [InlineData(OldPayment)]
    public void Backward_leaves_anything_but_a_new_payment_alone(string json)
    {
        var node = Payment(json);
        Change.Backward(node);
        Assert.Equal(json, node.ToJsonString());
    }

    [Theory]
    [InlineData("""{"id":"acct_1","object":"account","capture":true}""")]
    [InlineData(NewPayment)]
    public void Forward_leaves_anything_but_an_old_payment_alone(string json)
    {
        var node = Payment(json);
        Change.Forward(node);
        Assert.Equal(json, node.ToJsonString());
    }

    [Theory]
    [InlineData(true, "automatic")]
    [InlineData(false, "manual")]
    public void A_create_payment_body_with_capture_goes_forward_to_capture_method(bool capture, string method)
    {
        var body = Payment($$"""{"amount":100,"currency":"usd","capture":{{(capture ? "true" : "false")}},"payment_method":"tok_1"}""");
        Assert.Null(Change.RequestForward(typeof(CreatePaymentRequest), body));
        Assert.Equal($$"""{"amount":100,"currency":"usd","capture_method":"{{method}}","payment_method":"tok_1"}""", body.ToJsonString());
    }

    [Theory]
    [InlineData("""{"amount":100,"capture":true}""")]
    [InlineData("""{"amount":100,"capture":false}""")]
    [InlineData("""{"amount":100}""")]
    public void A_create_payment_body_round_trips_forward_and_back(string json)
    {
        var body = Payment(json);
        Assert.Null(Change.RequestForward(typeof(CreatePaymentRequest), body));
        Change.RequestBackward(typeof(CreatePaymentRequest), body);
        Assert.Equal(json, body.ToJsonString());
    }

    [Fact]
    public void An_old_body_that_names_capture_method_is_parameter_unknown()
    {
        var error = Change.RequestForward(typeof(CreatePaymentRequest), Payment("""{"capture_method":"manual"}"""));
        Assert.Equal(("parameter_unknown", "capture_method"), (error!.Code, error.Param));
    }

    [Theory]
    [InlineData("""{"capture":"yes"}""")]
    [InlineData("""{"capture":null}""")]
    [InlineData("""{"capture":1}""")]
    public void An_old_body_whose_capture_is_not_a_boolean_is_parameter_invalid(string json)
    {
        var error = Change.RequestForward(typeof(CreatePaymentRequest), Payment(json));
        Assert.Equal(("parameter_invalid", "capture"), (error!.Code, error.Param));
    }

    [Fact]
    public void Other_request_bodies_are_left_alone()
    {
        var body = Payment("""{"capture":true}""");
        Assert.Null(Change.RequestForward(typeof(AmountRequest), body));
        Assert.Equal("""{"capture":true}""", body.ToJsonString());
    }

    private static JsonObject Payment(string json) => JsonNode.Parse(json)!.AsObject();
}
