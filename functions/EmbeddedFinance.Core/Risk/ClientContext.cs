namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// Where the card holder is, as the merchant saw it (the request's optional <c>client</c>): the address of the holder's
/// browser or app and its country. A payment request comes from the merchant's server, so the connection's own address
/// says nothing about the holder; without these the address and country rules stay silent.
/// </summary>
public sealed record ClientContext(string? IpAddress, string? Country)
{
    public static readonly ClientContext Unknown = new(null, null);
}
