namespace EmbeddedFinance.Core.Vault;

/// <summary>The tokenized card as responses and webhooks carry it.</summary>
public sealed record CardView(string? Token, string Brand, string Last4, int ExpMonth, int ExpYear, string Fingerprint)
{
    public static CardView From(CardToken token, bool withTokenId) => new(
        withTokenId ? token.Id : null, token.Brand.ApiName(), token.Last4, token.Expiry.Month, token.Expiry.Year, token.Fingerprint);
}

public sealed record TokenView(string Id, string Object, CardView Card, long Created, bool Livemode)
{
    public static TokenView From(CardToken token) => new(
        token.Id, "token", CardView.From(token, withTokenId: false), token.Created.ToUnixTimeSeconds(), token.Mode == Common.Mode.Live);
}
