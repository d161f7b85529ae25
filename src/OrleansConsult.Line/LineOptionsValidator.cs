using Microsoft.Extensions.Options;

namespace OrleansConsult.Line;

/// <summary>Every failure is one line naming the setting, e.g. "Line:Channels:public:Secret is required".</summary>
public sealed class LineOptionsValidator : IValidateOptions<LineOptions>
{
    public ValidateOptionsResult Validate(string? name, LineOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Failures(LineOptions options)
    {
        const string root = LineOptions.Section;
        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            yield return $"{root}:ApiBaseUrl must be an absolute http(s) URL";
        }
        if (!IsHttpUrl(options.DataApiBaseUrl))
        {
            yield return $"{root}:DataApiBaseUrl must be an absolute http(s) URL";
        }
        if (!string.IsNullOrEmpty(options.PublicBaseUrl) && !Messaging.LineMessageValidator.IsContentUrl(options.PublicBaseUrl))
        {
            yield return $"{root}:PublicBaseUrl must be an absolute https URL (http only to a loopback address, for the simulator)";
        }
        var m = options.Media;
        if (m.UrlLifetime <= TimeSpan.Zero || m.UrlLifetime > TimeSpan.FromDays(7))
        {
            yield return $"{root}:Media:UrlLifetime must be positive and at most 7 days";
        }
        if (m.MaxImageBytes <= 0 || m.MaxVideoBytes <= 0 || m.MaxAudioBytes <= 0 || m.MaxFileBytes <= 0 || m.MaxPreviewBytes <= 0)
        {
            yield return $"{root}:Media:Max*Bytes must be positive";
        }
        foreach (var (channel, settings) in options.Channels)
        {
            var path = $"{root}:Channels:{channel}";
            if (string.IsNullOrWhiteSpace(settings.Secret))
            {
                yield return $"{path}:Secret is required";
            }
            if (string.IsNullOrWhiteSpace(settings.AccessToken))
            {
                yield return $"{path}:AccessToken is required";
            }
            if (settings.Role is null)
            {
                yield return $"{path}:Role is required ('consultee' or 'staff')";
            }
        }
        var r = options.Resilience;
        if (r.MaxRetryAttempts is < 0 or > 20)
        {
            yield return $"{root}:Resilience:MaxRetryAttempts must be 0..20";
        }
        if (r.AttemptTimeout <= TimeSpan.Zero || r.TotalTimeout < r.AttemptTimeout)
        {
            yield return $"{root}:Resilience:TotalTimeout must be at least AttemptTimeout, both positive";
        }
        if (r.BreakerFailureRatio is <= 0 or > 1)
        {
            yield return $"{root}:Resilience:BreakerFailureRatio must be in (0, 1]";
        }
        if (options.Webhook.MaxEventsPerRequest is < 1 or > 10_000)
        {
            yield return $"{root}:Webhook:MaxEventsPerRequest must be 1..10000";
        }
        if (options.Webhook.MaxConcurrentRequests is < 1 or > 100_000)
        {
            yield return $"{root}:Webhook:MaxConcurrentRequests must be 1..100000";
        }
        if (options.Webhook.MaxQueuedRequests is < 0 or > 1_000_000)
        {
            yield return $"{root}:Webhook:MaxQueuedRequests must be 0..1000000";
        }
        var s = options.Sending;
        if (s.ReplyTokenSafetyMargin < TimeSpan.Zero || s.ReplyTokenSafetyMargin >= s.ReplyTokenValidity)
        {
            yield return $"{root}:Sending:ReplyTokenSafetyMargin must be >= 0 and below ReplyTokenValidity";
        }
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
