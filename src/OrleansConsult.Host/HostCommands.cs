using OrleansConsult.Line.Outbox;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>
/// The operator commands besides running the host: `rekey` and `outbox release`. Like `migrate`, each
/// reads appsettings.json, the environment and the command line, works on the configured database,
/// prints what it did and exits (0, or 2 for a bad setting or argument).
/// </summary>
public static class HostCommands
{
    /// <summary>
    /// `rekey`: re-seals every sealed value (grain state, transcripts, outbox) with the first key of
    /// Transcripts:Keys, in batches, while the service runs. Run it after the new key is first in every pod's
    /// ring; when it reports nothing re-sealed, changed or unreadable, the other keys can be retired.
    /// </summary>
    public static async Task<int> RekeyAsync(string[] args)
    {
        var configuration = Load(args);
        var storage = StorageSettings.Load(configuration);
        var protector = KeyRing.Load(configuration[KeyRing.Setting], storage);
        var rekeyer = new SealedValueRekeyer(new Database(storage), protector)
        {
            BatchSize = configuration["BatchSize"] is { Length: > 0 } batch ? PositiveInt(batch, "--BatchSize") : 500,
        };
        Console.WriteLine($"rekey: sealing with key '{protector.CurrentKeyId}' ({storage.Mode})");
        foreach (var counts in await rekeyer.RekeyAllAsync())
        {
            Console.WriteLine($"rekey: {counts}");
        }
        return 0;
    }

    /// <summary>
    /// `outbox release [--reason monthly-limit|rejected|invalid|gave-up|all]`: parked outbox rows become due
    /// again at once (default: monthly-limit), re-sent by the running service with their own retry keys.
    /// </summary>
    public static async Task<int> OutboxReleaseAsync(string[] args)
    {
        var configuration = Load(args);
        var reasonText = configuration["reason"] is { Length: > 0 } given ? given : OutboxParkReason.MonthlyLimit.Name();
        OutboxParkReason? reason = null;
        if (reasonText != "all")
        {
            reason = OutboxParkReasons.Parse(reasonText) ?? throw new HostConfigurationException(
                $"outbox release --reason must be one of {string.Join(", ", Enum.GetValues<OutboxParkReason>().Select(r => r.Name()))} or all, not '{reasonText}'.");
        }
        var storage = StorageSettings.Load(configuration);
        var outbox = new SqlOutbox(new Database(storage), KeyRing.Load(configuration[KeyRing.Setting], storage));
        // Everything parked until now (a day ahead covers clocks a little apart between pods).
        var released = await outbox.ReleaseParkedAsync(reason?.Name(), DateTimeOffset.UtcNow.AddDays(1));
        Console.WriteLine($"outbox release: {released} parked row(s) released ({reasonText}); the running service sends them.");
        return 0;
    }

    private static int PositiveInt(string text, string name) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new HostConfigurationException($"{name} must be a whole number above 0, not '{text}'.");

    private static ConfigurationManager Load(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        return configuration;
    }
}
