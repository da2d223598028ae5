namespace EmbeddedFinance.Core.Portal;

public interface IPortalSessionStore
{
    Task CreateAsync(PortalLink link, CancellationToken cancellationToken);

    Task<PortalLink?> FindLinkAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the link used and stores the sign-in, atomically, only if the link is unchanged since it was read
    /// (<see cref="PortalLink.Version"/>); false when another exchange got there first.
    /// </summary>
    Task<bool> TryExchangeAsync(PortalLink link, PortalSignIn signIn, CancellationToken cancellationToken);

    Task<PortalSignIn?> FindSignInAsync(string cookieHash, CancellationToken cancellationToken);
}
