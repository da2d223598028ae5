namespace EmbeddedFinance.Cli;

/// <summary>What <c>ef</c> exits with, so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something unexpected; the message says what.</summary>
    public const int Failed = 1;
    /// <summary>The command line was wrong (unknown option, unknown event type).</summary>
    public const int Usage = 2;
    /// <summary>No key, or the platform refused it (401/403).</summary>
    public const int KeyRefused = 3;
    /// <summary>The platform did not answer at the API base.</summary>
    public const int PlatformUnreachable = 4;
    /// <summary>The platform answered the request with another error.</summary>
    public const int ApiError = 6;
}
