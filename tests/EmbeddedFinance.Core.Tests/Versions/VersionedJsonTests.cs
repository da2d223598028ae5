using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Tests.Versions;

public sealed class VersionedJsonTests
{
    private const string Payment = """{"id":"pay_1","object":"payment","capture_method":"automatic","metadata":{"object":"payment","capture_method":"manual"}}""";

    [Fact]
    public void The_newest_version_is_sent_as_the_code_wrote_it() =>
        Assert.Same(Payment, VersionedJson.Render(Payment, ApiVersions.Newest));

    [Fact]
    public void The_first_version_sees_capture_and_metadata_is_never_touched() =>
        Assert.Equal("""{"id":"pay_1","object":"payment","capture":true,"metadata":{"object":"payment","capture_method":"manual"}}""",
            VersionedJson.Render(Payment, ApiVersions.First));

    [Fact]
    public void Every_payment_of_a_list_is_rendered() =>
        Assert.Equal("""{"object":"list","data":[{"id":"pay_1","object":"payment","capture":false},{"id":"pay_2","object":"payment","capture":true}],"has_more":false}""",
            VersionedJson.Render("""{"object":"list","data":[{"id":"pay_1","object":"payment","capture_method":"manual"},{"id":"pay_2","object":"payment","capture_method":"automatic"}],"has_more":false}""", ApiVersions.First));

    [Fact]
    public void An_event_says_v1_and_carries_the_old_payment_in_the_first_version()
    {
        var newest = Event(ApiVersions.Newest, "\"capture_method\":\"manual\"");
        Assert.Equal(Event("v1", "\"capture\":false"), VersionedJson.Render(newest, ApiVersions.First));
        Assert.Equal(newest, VersionedJson.Render(newest, ApiVersions.Newest));
    }

    [Fact]
    public void An_event_stored_before_the_change_is_brought_up_to_the_newest_version() =>
        Assert.Equal(Event(ApiVersions.Newest, "\"capture_method\":\"automatic\""), VersionedJson.Render(Event("v1", "\"capture\":true"), ApiVersions.Newest));

    [Fact]
    public void An_event_in_the_newest_version_is_sent_as_written_and_one_stored_under_an_older_label_is_relabelled()
    {
        var newest = Event(ApiVersions.Newest, "\"capture_method\":\"manual\"");
        Assert.Same(newest, VersionedJson.Render(newest, ApiVersions.Newest));
        const string account = """{"id":"evt_2","object":"event","type":"account.created","api_version":"v1","data":{"object":{"id":"acct_1","object":"account"}}}""";
        Assert.Equal(account.Replace("\"v1\"", $"\"{ApiVersions.Newest}\"", StringComparison.Ordinal), VersionedJson.Render(account, ApiVersions.Newest));
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-12-01")]
    public void Known_versions_parse(string version) => Assert.Equal(version, ApiVersions.Parse(version, "EF-Version").Value);

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2026-13-01")]
    [InlineData("v1")]
    [InlineData("")]
    [InlineData("2026-1-1")]
    public void Unknown_or_malformed_versions_are_api_version_invalid_naming_the_parameter(string version)
    {
        var error = ApiVersions.Parse(version, "EF-Version").Error!;
        Assert.Equal((400, "api_version_invalid", "EF-Version"), (error.Status, error.Code, error.Param));
    }

    [Fact]
    public void A_request_body_goes_from_the_first_version_to_the_newest_and_back()
    {
        var body = JsonNode.Parse("""{"amount":100,"capture":false}""")!.AsObject();
        Assert.Null(VersionedJson.UpgradeRequest(typeof(CreatePaymentRequest), body, ApiVersions.First));
        Assert.Equal("""{"amount":100,"capture_method":"manual"}""", body.ToJsonString());
        VersionedJson.DowngradeRequest(typeof(CreatePaymentRequest), body, ApiVersions.First);
        Assert.Equal("""{"amount":100,"capture":false}""", body.ToJsonString());
    }

    [Fact]
    public void A_newest_request_body_is_not_transformed()
    {
        var body = JsonNode.Parse("""{"capture":false}""")!.AsObject();
        Assert.Null(VersionedJson.UpgradeRequest(typeof(CreatePaymentRequest), body, ApiVersions.Newest));
        Assert.Equal("""{"capture":false}""", body.ToJsonString());
    }

    [Fact]
    public void A_payment_view_rendered_in_each_version_has_that_version_s_member()
    {
        var view = ApiJson.Serialize(PaymentView.From(Tests.Payments.AllocationTests.NewPayment(1_000)));
        Assert.Contains("\"capture_method\":", view, StringComparison.Ordinal);
        var old = VersionedJson.Render(view, ApiVersions.First);
        Assert.Contains("\"capture\":", old, StringComparison.Ordinal);
        Assert.DoesNotContain("capture_method", old, StringComparison.Ordinal);
        Assert.Equal(view, VersionedJson.Render(old, ApiVersions.Newest));
    }

    private static string Event(string version, string capture) =>
        $$"""{"id":"evt_1","object":"event","type":"payment.succeeded","api_version":"{{version}}","data":{"object":{"id":"pay_1","object":"payment",{{capture}}""" + "}}}";
}

public sealed class RefundApplicationFeeChangeTests
{
    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-12-01")]
    public void A_refund_written_for_an_earlier_version_asks_for_the_fees_share_as_it_always_did(string version)
    {
        var body = new JsonObject { ["amount"] = 500 };

        Assert.Null(VersionedJson.UpgradeRequest(typeof(RefundRequest), body, version));

        Assert.True(body["refund_application_fee"]!.GetValue<bool>());
    }

    [Fact]
    public void An_earlier_version_may_not_name_the_member_and_the_newest_keeps_what_it_sent()
    {
        var old = new JsonObject { ["refund_application_fee"] = false };
        var newest = new JsonObject { ["amount"] = 500 };

        Assert.Equal(("parameter_unknown", "refund_application_fee"), (VersionedJson.UpgradeRequest(typeof(RefundRequest), old, "2026-12-01")!.Code, VersionedJson.UpgradeRequest(typeof(RefundRequest), old, "2026-12-01")!.Param));
        Assert.Null(VersionedJson.UpgradeRequest(typeof(RefundRequest), newest, ApiVersions.Newest));
        Assert.False(newest.ContainsKey("refund_application_fee"));
    }

    [Fact]
    public void Other_bodies_are_left_alone()
    {
        var payment = new JsonObject { ["amount"] = 500 };

        Assert.Null(VersionedJson.UpgradeRequest(typeof(CreatePaymentRequest), payment, "2026-12-01"));

        Assert.False(payment.ContainsKey("refund_application_fee"));
    }
}
