using EmbeddedFinance.Core.Logging;

namespace EmbeddedFinance.Core.Tests.Logging;

public sealed class LogRedactorTests
{
    [Theory]
    [InlineData("card 4242424242424242 declined", "card ****4242 declined")]
    [InlineData("card 4242 4242 4242 4242.", "card ****4242.")]
    [InlineData("amex 3782-822463-10005", "amex ****0005")]
    [InlineData("key sk_test_51abcDEF0123456789xyz used", "key sk_test_[redacted] used")]
    [InlineData("pk_live_abc123", "pk_live_[redacted]")]
    [InlineData("GET /api/portal/sign-in?token=pst_test_AbC123xyz", "GET /api/portal/sign-in?token=pst_test_[redacted]")]
    [InlineData("cookie psc_live_AbC123 csrf_live_XyZ789", "cookie psc_live_[redacted] csrf_live_[redacted]")]
    [InlineData("secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/x+y= rotated", "secret whsec_[redacted] rotated")]
    [InlineData("Authorization: Bearer sk_admin_local_dev", "Authorization: Bearer [redacted]")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=ef;AccountKey=Eby8vdM02xNOcqF==;EndpointSuffix=x", "DefaultEndpointsProtocol=https;AccountName=ef;AccountKey=[redacted];EndpointSuffix=x")]
    [InlineData("Endpoint=sb://ns/;SharedAccessKeyName=root;SharedAccessKey=abc/def=", "Endpoint=sb://ns/;SharedAccessKeyName=root;SharedAccessKey=[redacted]")]
    [InlineData("https://acct.blob.core.windows.net/c?sv=2024&sig=AbCd%2Fe", "https://acct.blob.core.windows.net/c?sv=2024&sig=[redacted]")]
    public void What_is_shaped_like_a_secret_is_masked(string text, string expected) => Assert.Equal(expected, LogRedactor.Redact(text));

    [Theory]
    [InlineData("Payment pay_01jx5d8m2k3n4p5q6r7s8t9v0w of 2000 usd in 1732540000001 ms")]
    [InlineData("request req_01jx took 125 ms, status 201")]
    [InlineData("4242424242424241")]
    [InlineData("order 1234567890")]
    public void Ordinary_text_and_numbers_that_fail_luhn_stay(string text) => Assert.Equal(text, LogRedactor.Redact(text));
}
