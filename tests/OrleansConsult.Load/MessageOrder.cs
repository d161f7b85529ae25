using System.Globalization;

namespace OrleansConsult.Load;

/// <summary>
/// The order check of a consultee's messages at her counselor (bodies like L0001-m07). By number, not as text:
/// in text order m100 sorted before m99, so a run of 100 messages or more each counted every consultee as out of order.
/// </summary>
public static class MessageOrder
{
    public static int Number(string body) =>
        int.Parse(body.AsSpan(body.LastIndexOf("-m", StringComparison.Ordinal) + 2), CultureInfo.InvariantCulture);

    public static bool InOrder(IReadOnlyList<string> bodies) => bodies.SequenceEqual(bodies.OrderBy(Number));
}
