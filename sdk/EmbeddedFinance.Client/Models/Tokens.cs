namespace EmbeddedFinance.Client;

/// <summary>A tokenized card: the number never comes back.</summary>
public sealed record Token : IHasId
{
    /// <summary><c>tok_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>What is known of the card.</summary>
    public Card Card { get; init; } = new();
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the token is live.</summary>
    public bool Livemode { get; init; }
}

/// <summary>A card as the API shows it.</summary>
public sealed record Card
{
    /// <summary>The token (on a payment's card).</summary>
    public string? Token { get; init; }
    /// <summary><c>visa</c>, <c>mastercard</c>, <c>amex</c>, …</summary>
    public string Brand { get; init; } = "";
    /// <summary>The last four digits.</summary>
    public string Last4 { get; init; } = "";
    /// <summary>1–12.</summary>
    public int ExpMonth { get; init; }
    /// <summary>Four digits.</summary>
    public int ExpYear { get; init; }
    /// <summary>The same for the same card number, within the merchant.</summary>
    public string Fingerprint { get; init; } = "";
}

/// <summary>The body of <c>POST /v1/tokens</c> (a publishable key is enough).</summary>
public sealed record CreateTokenRequest
{
    /// <summary>The card to tokenize.</summary>
    public required CardInput Card { get; init; }
}

/// <summary>A card number and its details, sent once to be tokenized.</summary>
public sealed record CardInput
{
    /// <summary>The card number (spaces allowed).</summary>
    public required string Number { get; init; }
    /// <summary>1–12.</summary>
    public required int ExpMonth { get; init; }
    /// <summary>Four digits.</summary>
    public required int ExpYear { get; init; }
    /// <summary>Three or four digits; never stored.</summary>
    public required string Cvc { get; init; }
    /// <summary>The cardholder's name.</summary>
    public string? Name { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"CardInput {{ Number = ****{(Number.Length >= 4 ? Number[^4..] : "")} }}";
}
