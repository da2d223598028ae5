namespace EmbeddedFinance.Core.Vault;

/// <summary>A validated card to tokenize. The CVC was checked and is not carried any further.</summary>
public sealed record TokenizeCardCommand(CardNumber Number, CardExpiry Expiry, string? Name)
{
    public override string ToString() => $"{nameof(TokenizeCardCommand)} {{ {Number}, {Expiry.Month:00}/{Expiry.Year} }}";
}
