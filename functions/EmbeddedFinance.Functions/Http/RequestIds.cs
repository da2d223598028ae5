using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Functions.Http;

public static class RequestIds
{
    public static string New(TimeProvider clock) => PrefixedId.New("req", clock);
}
