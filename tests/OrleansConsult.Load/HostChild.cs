using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansConsult.Load;

/// <summary>The Host as a child process (settings by environment variables), and its CPU and memory from /proc.</summary>
public sealed class HostChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private int _warnings;
    private int _errors;

    private HostChild(Process process, StreamWriter log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int LogWarnings => Volatile.Read(ref _warnings);
    public int LogErrors => Volatile.Read(ref _errors);

    public static HostChild Start(string hostDll, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [hostDll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        // Its staff enroll with the load program's file codes, which only Development accepts.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Own ports: another silo on this machine (tests, a dev host) must not clash with ours.
        info.Environment["Orleans__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Orleans__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Management__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(info)!;
        var child = new HostChild(process, log, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => child.Record(e.Data);
        process.ErrorDataReceived += (_, e) => child.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        // Console logger's level prefix: "warn:" / "fail:" / "crit:".
        if (line.StartsWith("warn:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errors);
        }
        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    public async Task WaitReadyAsync(HttpClient http, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host exited with {_process.ExitCode} before it was ready; see host.log");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Host not ready within {limit.TotalSeconds:0} s; see host.log");
    }

    /// <summary>User + system CPU seconds of the child so far (/proc/pid/stat fields 14 and 15).</summary>
    public double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            // Fields after the ")" of the command name; utime is field 14 overall = index 11 here.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0; // USER_HZ is 100 on Linux x86-64/arm64.
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>(VmRSS, VmHWM) in bytes.</summary>
    public (long Rss, long Hwm) Memory()
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kb(line);
                }
            }
            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }

        static long Kb(string line) => 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first so the silo leaves cleanly and the SQLite file is closed; kill if it hangs.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
