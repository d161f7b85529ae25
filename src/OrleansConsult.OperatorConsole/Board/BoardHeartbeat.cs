using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>
/// How long the board's event stream may stay silent before it sends a comment line (": keepalive"):
/// ingresses and proxies close a response that sends nothing for a while (nginx: 60 s). Console:BoardHeartbeat, 15 s.
/// </summary>
public sealed record BoardHeartbeat(TimeSpan Interval)
{
    public const string Setting = "Console:BoardHeartbeat";

    public static BoardHeartbeat Default { get; } = new(TimeSpan.FromSeconds(15));

    public static BoardHeartbeat Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is not { Length: > 0 } text)
        {
            return Default;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero && interval <= TimeSpan.FromMinutes(5)
            ? new BoardHeartbeat(interval)
            : throw new ConsoleConfigurationException($"{Setting} must be a time between 00:00:00 and 00:05:00 (e.g. 00:00:15), not '{text}'.");
    }
}
