namespace EmbeddedFinance.Core.Disputes;

/// <summary>needs_response → under_review → won | lost.</summary>
public enum DisputeStatus
{
    NeedsResponse,
    UnderReview,
    Won,
    Lost,
}

public static class DisputeStatusNames
{
    public static string ApiName(this DisputeStatus status) => status switch
    {
        DisputeStatus.NeedsResponse => "needs_response",
        DisputeStatus.UnderReview => "under_review",
        DisputeStatus.Won => "won",
        _ => "lost",
    };

    public static bool IsClosed(this DisputeStatus status) => status is DisputeStatus.Won or DisputeStatus.Lost;
}
