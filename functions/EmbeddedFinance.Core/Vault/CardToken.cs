using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Vault;

/// <summary>What a token says about its card in the open: never more than brand, last four, expiry and fingerprint.</summary>
public sealed record CardToken(
    string Id,
    string Scope,
    CardBrand Brand,
    string Last4,
    CardExpiry Expiry,
    string Fingerprint,
    Mode Mode,
    DateTimeOffset Created);

/// <summary>The card data sealed under one version of the card-data key, bound to its token.</summary>
public sealed record SealedCard(string KeyVersion, byte[] Ciphertext);
