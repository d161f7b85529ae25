using System.Diagnostics;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>A real Host process (`dotnet OrleansConsult.Host.dll`) on loopback, for drills that kill or stop it.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessStartInfo _info;

    private HostProcess(ProcessStartInfo info, int httpPort, int gatewayPort)
    {
        _info = info;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        HttpPort = httpPort;
        GatewayPort = gatewayPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int HttpPort { get; }
    public int GatewayPort { get; }
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;

    public static HostProcess Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? environment = null)
    {
        var httpPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OrleansConsult.Host.dll"), "--urls", $"http://127.0.0.1:{httpPort}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["Storage__Mode"] = "PostgreSQL";
        info.Environment["Storage__ConnectionString"] = connectionString;
        info.Environment["Orleans__ClusterId"] = clusterId;
        info.Environment["Transcripts__Keys"] = HostRunner.TestKeyRing;
        info.Environment["Orleans__ServiceId"] = clusterId;
        info.Environment["Orleans__SiloPort"] = FreePort.Next().ToString();
        info.Environment["Orleans__GatewayPort"] = gatewayPort.ToString();
        info.Environment["Management__Port"] = FreePort.Next().ToString();
        info.Environment["Program__File"] = HostRunner.SampleProgram;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // No drill talks to the real LINE: the bot's sends fail fast (connection refused) and go to the outbox.
        info.Environment["Line__ApiBaseUrl"] = "http://127.0.0.1:9";
        info.Environment["Line__DataApiBaseUrl"] = "http://127.0.0.1:9";
        info.Environment["Line__Resilience__BaseDelay"] = "00:00:00.005";
        info.Environment["Line__Resilience__MaxDelay"] = "00:00:00.020";
        info.Environment["Line__Resilience__MaxRetryAttempts"] = "2";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return new HostProcess(info, httpPort, gatewayPort);
    }

    /// <summary>
    /// The same process again, on the same ports, settings and database: a container restarted in its
    /// pod after it was killed (the new silo has a new generation, so the old one is at once dead).
    /// </summary>
    public HostProcess StartAgain()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("still running");
        }
        return new HostProcess(_info, HttpPort, GatewayPort);
    }

    /// <summary>Runs a Host command (admin add …) with this process's settings, as an operator in its pod would; exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OrleansConsult.Host.dll"), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in _info.Environment)
        {
            info.Environment[name] = value;
        }
        using var command = Process.Start(info)!;
        var output = command.StandardOutput.ReadToEndAsync();
        var error = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, await output + await error);
    }

    public Task<bool> WaitReadyAsync(TimeSpan limit) => Eventually.TrueAsync(async () =>
        !_process.HasExited && (await Http.GetAsync("/readyz")).IsSuccessStatusCode, limit);

    /// <summary>SIGKILL: no goodbye to the cluster, as when a node dies.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as Kubernetes sends on a rolling update; waits for the process to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill!.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Http.Dispose();
        _process.Dispose();
    }
}
