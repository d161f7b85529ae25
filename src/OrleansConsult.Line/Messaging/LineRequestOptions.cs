namespace OrleansConsult.Line.Messaging;

/// <summary>The channel a request belongs to travels in its options: it keys the per-channel circuit breaker.</summary>
public static class LineRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Channel = new("OrleansConsult.Line.Channel");

    public static string? ChannelOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Channel, out var channel) ? channel : null;

    public static string? RequestIdOf(HttpResponseMessage response) => Header(response, "x-line-request-id");

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
