using System.Globalization;

namespace OrleansConsult.Load;

/// <summary>Command-line options; plain "--name value" pairs.</summary>
public sealed class LoadOptions
{
    public string Storage { get; private set; } = "embedded";
    public string? ConnectionString { get; private set; }
    public int Consultees { get; private set; } = 200;
    public int Counselors { get; private set; } = 10;
    public int Messages { get; private set; } = 10;
    public double DurationSeconds { get; private set; } = 600;
    public double Rate { get; private set; }
    public string Out { get; private set; } = "./load-report";
    public string? HostDll { get; private set; }
    public double BaselineSeconds { get; private set; } = 5;
    public int Known { get; private set; }
    public double HoldSeconds { get; private set; }
    public int HostMemoryMiB { get; private set; }
    public int AskWave { get; private set; }
    /// <summary>"closed-loop" (setup, chat, end) or "surge" (new consultees follow, consent and ask within <see cref="SurgeSeconds"/>).</summary>
    public string Scenario { get; private set; } = "closed-loop";
    public double SurgeSeconds { get; private set; } = 60;
    /// <summary>Surge: every consultee follows, consents and names the area before the window; only 相談する falls in it (the dispatcher's own limit).</summary>
    public bool SurgeAsksOnly { get; private set; }
    /// <summary>Before the measured phases, this many other consultees go through whole consultations: a pod that has served a while.</summary>
    public int WarmUp { get; private set; }

    /// <summary>The warm-up's consultees are numbered from here, apart from the measured ones (user ids and message bodies stay unique).</summary>
    public const int WarmUpFirstIndex = 900_001;

    public const string Usage = """
        OrleansConsult.Load: plays LINE against a Host child process and writes a benchmark report.
          --scenario closed-loop|surge  (default closed-loop) surge: the consultees are new, each follows, consents,
                                        names the area and asks (相談する), their starts spread over --surge-seconds;
                                        counselors accept every offer; then checks at the LINE side that each heard a
                                        true place in the queue and was offered in arrival order (see docs/performance.md)
          --surge-seconds S             the surge's arrival window (default 60)
          --warm-up N                   after the baseline, N other consultees go through whole consultations with the
                                        same counselors (ready, ask, connected, 2 messages each way, ended), so the
                                        measured phases run on a Host whose code paths are compiled, as on a pod that has
                                        served a while; reported apart (default 0: a fresh Host)
          --surge-asks-only             follow, consent and area happen before the window (untimed); only the
                                        相談する fall in it: what the dispatcher itself sustains
          --storage embedded|postgres   (default embedded)
          --connection-string CS        PostgreSQL connection string (postgres mode; the database must exist)
          --consultees N                (default 200)
          --counselors M                (default 10)
          --messages K                  messages per consultee (default 10)
          --duration S                  cap on the chat phase in seconds (default 600)
          --rate R                      target consultee messages/s, 0 = as fast as possible (default 0)
          --out DIR                     report folder (default ./load-report)
          --host PATH                   OrleansConsult.Host.dll (default: next to this program, else src/OrleansConsult.Host/bin/{Release,Debug})
          --baseline S                  seconds of the /healthz baseline (default 5)
          --known N                     before setup, N more consultees follow, consent and name the area (one
                                        batched request each) and then stay quiet: memory with many known users (default 0)
          --host-memory MiB             run the Host as in a container with this memory limit (GC heap limit 75 % of it) (default: none)
          --ask-wave N                  consultees ask for a counselor N at a time, each wave connected before the next
                                        (default 0: all at once, the worst burst for the dispatcher)
          --hold S                      after the chat, keep every consultation open S seconds before ending them,
                                        for memory readings (dotnet-gcdump, dotnet-counters) (default 0)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--storage": o.Storage = Next().ToLowerInvariant(); break;
                case "--connection-string": o.ConnectionString = Next(); break;
                case "--consultees": o.Consultees = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--counselors": o.Counselors = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--messages": o.Messages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": o.DurationSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rate": o.Rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": o.Out = Next(); break;
                case "--host": o.HostDll = Next(); break;
                case "--baseline": o.BaselineSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--known": o.Known = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--host-memory": o.HostMemoryMiB = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ask-wave": o.AskWave = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hold": o.HoldSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scenario": o.Scenario = Next().ToLowerInvariant(); break;
                case "--surge-seconds": o.SurgeSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--surge-asks-only": o.SurgeAsksOnly = true; break;
                case "--warm-up": o.WarmUp = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Storage is not ("embedded" or "postgres"))
        {
            throw new ArgumentException("--storage is embedded or postgres");
        }
        if (o.Scenario is not ("closed-loop" or "surge"))
        {
            throw new ArgumentException("--scenario is closed-loop or surge");
        }
        if (o.Storage == "postgres" && string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            throw new ArgumentException("--storage postgres needs --connection-string");
        }
        if (o.Consultees < 1 || o.Counselors < 1 || o.Messages < 1)
        {
            throw new ArgumentException("--consultees, --counselors and --messages are at least 1");
        }
        if (o.WarmUp < 0 || (o.WarmUp > 0 && o.Consultees >= WarmUpFirstIndex))
        {
            throw new ArgumentException($"--warm-up is 0 or more, with fewer than {WarmUpFirstIndex} consultees");
        }
        return o;
    }

    /// <summary>The warm-up's own run: a short closed loop of <see cref="WarmUp"/> consultations, everyone asking at once.</summary>
    public LoadOptions ForWarmUp()
    {
        var o = (LoadOptions)MemberwiseClone();
        o.Scenario = "closed-loop";
        o.Consultees = WarmUp;
        o.Messages = 2;
        o.Rate = 0;
        o.AskWave = 0;
        o.HoldSeconds = 0;
        o.WarmUp = 0;
        return o;
    }

    /// <summary>Counselor slots must hold the larger of the measured run and the warm-up.</summary>
    public int ConsulteesAtOnce => Math.Max(Consultees, WarmUp);

    /// <summary>The Host built next to this program (project reference), else the Host project's own output.</summary>
    public string ResolveHostDll()
    {
        if (HostDll is not null)
        {
            return Path.GetFullPath(HostDll);
        }
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "OrleansConsult.Host.dll") };
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrleansConsult.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is not null)
        {
            foreach (var config in new[] { "Release", "Debug" })
            {
                candidates.Add(Path.Combine(dir.FullName, "src", "OrleansConsult.Host", "bin", config, "net10.0", "OrleansConsult.Host.dll"));
            }
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("OrleansConsult.Host.dll not found; build it or pass --host. Looked at: " + string.Join(", ", candidates));
    }
}
