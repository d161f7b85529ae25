using OrleansConsult.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.LineSimulator;
using OrleansConsult.Storage;

namespace OrleansConsult.Load;

/// <summary>One benchmark run: baseline, setup, chat, end; the numbers go to <see cref="Report"/>.</summary>
public sealed partial class LoadRun(LoadOptions options, WebhookSender sender, Mailboxes mail, HostChild host, HttpClient http, LinePseudonyms pseudonyms)
{
    private const string Consultee = "consultee";
    private const string Staff = "staff";
    private const string Area = AllDayProgram.Area;
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    /// <summary>A wait that could go on for long wakes this often to recheck why it waits (give-up rules, the phase still running).</summary>
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMilliseconds(250);

    private static bool IsOffer(Arrived m) => m.Text.Contains("新しい相談があります", StringComparison.Ordinal);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _requests;
    private long _events;
    private long _acceptedEvents;

    /// <summary>Every ack since the last progress line: when in a run the slow ones happen (the report keeps each 5 s).</summary>
    private Samples _recentAcks = new();
    private string _phase = "start";

    public Report Report { get; } = new();
    public Tally Errors { get; } = new();

    private readonly Samples _setupAck = new();
    private readonly Samples _chatAck = new();
    private readonly Samples _endAck = new();
    private readonly Samples _toCounselor = new();
    private readonly Samples _toConsultee = new();
    private readonly Samples _routing = new();

    /// <summary>A consultee with her case once a counselor accepted it.</summary>
    private sealed class Person(int index)
    {
        public int Index { get; } = index;
        public string UserId { get; } = $"Uload{index:0000}";
        public string? CaseId { get; set; }
        public DateTimeOffset AskedAt { get; set; }
        public int Counselor { get; set; } = -1;
        public bool Ready { get; set; }
        public string Tag => "#" + CaseId![..4];
    }

    // Body -> send time, for matching deliveries afterwards (bodies are unique per run).
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sentToCounselor = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sentToConsultee = new(StringComparer.Ordinal);

    private static string CounselorUser(int i) => $"Ustaff{i:000}";
    private static string EnrollmentCode(int i) => AllDayProgram.EnrollmentCode("LOAD", i);

    /// <summary>A single tenant open around the clock with enough slots for everybody.</summary>
    public static string WriteProgram(string folder, int consultees, int counselors) =>
        AllDayProgram.Write(folder, "LOAD", counselors, casesEach: (consultees + counselors - 1) / counselors + 2);

    public async Task RunAsync()
    {
        using var progress = new CancellationTokenSource();
        var progressLoop = ProgressAsync(progress.Token);
        var monitor = MonitorAsync(progress.Token);
        try
        {
            Report.HostIdle = Snapshot();
            await BaselineAsync();
            Report.HostWarm = Snapshot();
            if (options.WarmUp > 0)
            {
                await WarmUpAsync();
            }
            if (options.Known > 0)
            {
                await KnownAsync();
            }
            var people = Enumerable.Range(1, options.Consultees).Select(i => new Person(i)).ToList();
            if (options.Scenario == "surge")
            {
                _phase = "on shift";
                await CounselorsOnShiftAsync();
                await SurgeAsync(people);
            }
            else
            {
                await SetupAsync(people);
                await ChatAsync(people);
                if (options.HoldSeconds > 0)
                {
                    _phase = "hold";
                    await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
                    Report.HostHeld = Snapshot();
                }
                await EndAsync(people);
            }
        }
        finally
        {
            await progress.CancelAsync();
            await Task.WhenAll(progressLoop, monitor);
        }
        Report.Finish(options, Errors, _setupAck, _chatAck, _endAck, _toCounselor, _toConsultee, _routing, host);
    }

    private int Concurrency => Math.Max(1, options.Consultees / 2 + options.Counselors);

    /// <summary>/healthz with the same client and concurrency as the chat phase: what this machine and HTTP stack do without the engine.</summary>
    private async Task BaselineAsync()
    {
        _phase = "baseline";
        var samples = new Samples();
        var url = new Uri(host.BaseAddress, "/healthz");
        var until = _clock.Elapsed + TimeSpan.FromSeconds(options.BaselineSeconds);
        var cpu0 = host.CpuSeconds();
        var started = _clock.Elapsed;
        long failed = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (_clock.Elapsed < until)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                samples.Add(Stopwatch.GetElapsedTime(t));
            }
        }));
        var seconds = (_clock.Elapsed - started).TotalSeconds;
        Report.Baseline = new BaselineResult(Concurrency, samples.Count, samples.Count / seconds, samples.Summary(), failed, host.CpuSeconds() - cpu0);
    }

    /// <summary>
    /// Many known, quiet consultees: each follows, consents and names the area in one batched request
    /// (32 requests in flight), then says nothing more. Their grains stay active until Orleans collects
    /// idle activations, so the memory reading afterwards is the worst case of a burst of new users.
    /// </summary>
    private async Task KnownAsync()
    {
        _phase = "known";
        var started = _clock.Elapsed;
        var cpu0 = host.CpuSeconds();
        var next = 0;
        var accepted = 0;
        var ack = new Samples();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= options.Known)
            {
                var user = sender.User(Consultee, KnownUser(i));
                if (await SendAsync([user.FollowEvent(), user.PostbackEvent("consent:yes"), user.TextEvent(Area)], ack) == 200)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        }));
        // Stored at the 200; answered (and their state written again) just after: wait for the last answers.
        var answered = 0;
        for (var i = 1; i <= options.Known; i++)
        {
            answered += await mail.WaitAsync(Consultee, KnownUser(i), "の相談窓口につながります", StepLimit) is null ? 0 : 1;
        }
        Errors.Add("known consultee not answered", accepted - answered);
        Report.KnownAccepted = accepted;
        Report.AckKnown = ack.Summary();
        Report.KnownPhase = PhaseResult(started, cpu0, 3.0 * accepted / (_clock.Elapsed - started).TotalSeconds);
        Report.HostWithKnown = Snapshot();
    }

    private static string KnownUser(int i) => $"Uknown{i:000000}";

    private async Task SetupAsync(List<Person> people)
    {
        _phase = "setup";
        var started = _clock.Elapsed;
        var cpu0 = host.CpuSeconds();
        await CounselorsOnShiftAsync();

        // Consultees arrive in waves, as a ramp, not all in the same millisecond.
        foreach (var wave in people.Chunk(20))
        {
            await Task.WhenAll(wave.Select(async p =>
            {
                var user = sender.User(Consultee, p.UserId);
                p.Ready = await StepAsync(Consultee, p.UserId, user.FollowEvent(), "ご利用の前に", _setupAck)
                    && await StepAsync(Consultee, p.UserId, user.PostbackEvent("consent:yes"), "お住まいの都道府県", _setupAck)
                    && await StepAsync(Consultee, p.UserId, user.TextEvent(Area), "の相談窓口につながります", _setupAck);
            }));
        }

        // 相談する in waves (all at once unless --ask-wave): each wave is asked, then connected, before the next.
        var byCase = new ConcurrentDictionary<string, Person>(StringComparer.Ordinal);
        var accepted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var taken = OfferCardsSoFar();
        var ready = people.Where(p => p.Ready).ToList();
        foreach (var wave in ready.Chunk(options.AskWave > 0 ? options.AskWave : Math.Max(1, ready.Count)))
        {
            await AskAsync(wave, byCase);
            await AcceptOffersAsync(byCase, accepted, taken);
        }
        // A message she sends before her case is connected reaches the counselor inside the
        // "待っている間のメッセージ" summary rather than on its own: chat starts once each is told she is connected.
        var confirmed = await Task.WhenAll(people.Where(p => p.Counselor > 0).Select(p => mail.WaitAsync(Consultee, p.UserId, "相談員とつながりました", StepLimit)));
        Errors.Add("connection never confirmed to the consultee", confirmed.Count(m => m is null));
        var missing = byCase.Count - accepted.Count;
        Errors.Add("consultation never connected", missing);
        Errors.Add("consultee setup step failed", people.Count(p => !p.Ready));
        Report.Connected = accepted.Count;
        Report.Setup = PhaseResult(started, cpu0, null);
    }

    private async Task CounselorsOnShiftAsync()
    {
        if (Report.CounselorsOnShift > 0)
        {
            return; // the warm-up put them on shift
        }
        var counselorsReady = await Task.WhenAll(Enumerable.Range(1, options.Counselors).Select(async i =>
            await StepAsync(Staff, CounselorUser(i), sender.User(Staff, CounselorUser(i)).TextEvent(EnrollmentCode(i)), "として登録しました", _setupAck)
            && await StepAsync(Staff, CounselorUser(i), sender.User(Staff, CounselorUser(i)).TextEvent("出勤"), "状態を「出勤」にしました", _setupAck)));
        Report.CounselorsOnShift = counselorsReady.Count(ok => ok);
    }

    /// <summary>The offer cards each counselor already holds (the warm-up's): the next card she waits for comes after them.</summary>
    private int[] OfferCardsSoFar()
    {
        mail.Collect();
        return Enumerable.Range(0, options.Counselors + 1).Select(i => i == 0 ? 0 : mail.CountOf(Staff, CounselorUser(i), IsOffer)).ToArray();
    }

    /// <summary>相談する: the case id is derived from the event id (CaseIds.For), so each offer card maps back to its consultee.</summary>
    private async Task AskAsync(IEnumerable<Person> wave, ConcurrentDictionary<string, Person> byCase) =>
        await Task.WhenAll(wave.Select(async p =>
        {
            var e = sender.User(Consultee, p.UserId).TextEvent("相談する");
            p.CaseId = await CaseIdOfAsync(p, e);
            byCase[p.CaseId] = p;
            p.AskedAt = DateTimeOffset.UtcNow;
            if (await SendAsync([e], _setupAck) != 200)
            {
                byCase.TryRemove(p.CaseId, out _);
                p.Ready = false;
            }
        }));

    /// <summary>The case her 相談する opens: derived from her grain key (the pseudonym of her LINE id) and the event id, as ConsulteeGrain does.</summary>
    private async Task<string> CaseIdOfAsync(Person p, SimulatedEvent ask) =>
        CaseIds.For($"{GrainKeys.LineUser(Consultee, await pseudonyms.OfAsync(Consultee, p.UserId))}/{ask.WebhookEventId}");

    /// <summary>Counselors take every offer that reaches them until every asked case is connected (or nothing moves for a minute).</summary>
    private async Task AcceptOffersAsync(ConcurrentDictionary<string, Person> byCase, ConcurrentDictionary<string, int> accepted, int[] taken)
    {
        var lastMove = _clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(1, options.Counselors).Select(async i =>
        {
            while (accepted.Count < byCase.Count && _clock.Elapsed - lastMove < StepLimit)
            {
                var card = await mail.WaitAsync(Staff, CounselorUser(i), IsOffer, RecheckEvery, taken[i] + 1);
                if (card is null)
                {
                    continue;
                }
                taken[i]++;
                var caseId = OfferAccept().Match(card.Raw) is { Success: true } m ? m.Groups[1].Value : null;
                if (caseId is null)
                {
                    Errors.Add("offer card without accept button");
                    continue;
                }
                if (!byCase.TryGetValue(caseId, out var p))
                {
                    Errors.Add("offer for an unknown case id");
                    continue;
                }
                if (accepted.ContainsKey(caseId))
                {
                    Errors.Add("offer repeated for an accepted case");
                    continue;
                }
                _routing.Add(card.Time - p.AskedAt);
                if (await SendAsync([sender.User(Staff, CounselorUser(i)).PostbackEvent("offer:accept:" + caseId)], _setupAck) == 200)
                {
                    p.Counselor = i;
                    accepted[caseId] = i;
                    lastMove = _clock.Elapsed;
                }
            }
        }));
    }

    private async Task ChatAsync(List<Person> people)
    {
        _phase = "chat";
        var connected = people.Where(p => p.Counselor > 0).ToList();
        var started = _clock.Elapsed;
        var stopSending = started + TimeSpan.FromSeconds(options.DurationSeconds);
        var cpu0 = host.CpuSeconds();
        var events0 = Interlocked.Read(ref _acceptedEvents);
        var pacer = new Pacer(options.Rate);
        var consulteesDone = false;

        // Consultees in pairs: about half the time both messages travel in one webhook request, as LINE batches events.
        var pairs = connected.Chunk(2).ToList();
        var consultees = pairs.Select(async (pair, n) =>
        {
            var random = new Random(n);
            for (var m = 1; m <= options.Messages && _clock.Elapsed < stopSending; m++)
            {
                var events = new List<SimulatedEvent>();
                foreach (var p in pair)
                {
                    await pacer.WaitAsync();
                    var body = $"L{p.Index:0000}-m{m:00}";
                    events.Add(sender.User(Consultee, p.UserId).TextEvent(body));
                }
                if (events.Count == 2 && random.Next(2) == 0)
                {
                    Stamp(pair, m, DateTimeOffset.UtcNow);
                    await SendAsync(events, _chatAck);
                }
                else
                {
                    await Task.WhenAll(events.Select(async (e, k) =>
                    {
                        Stamp([pair[k]], m, DateTimeOffset.UtcNow);
                        await SendAsync([e], _chatAck);
                    }));
                }
            }
        }).ToList();

        // Each counselor answers every case once per consultee message, switching to it first.
        var counselors = Enumerable.Range(1, options.Counselors).Select(async i =>
        {
            var mine = connected.Where(p => p.Counselor == i).ToList();
            string? current = null;
            for (var r = 1; r <= options.Messages; r++)
            {
                foreach (var p in mine)
                {
                    // Answer only what arrived; give up on this message when the consultee stopped (duration cap) or it is lost.
                    var body = $"L{p.Index:0000}-m{r:00}";
                    while (await mail.WaitAsync(Staff, CounselorUser(i), x => x.Text.EndsWith(" " + body, StringComparison.Ordinal), RecheckEvery) is null)
                    {
                        var sent = _sentToCounselor.TryGetValue(body, out var sentAt);
                        if ((sent && DateTimeOffset.UtcNow - sentAt > TimeSpan.FromSeconds(30)) || (!sent && consulteesDone))
                        {
                            break;
                        }
                    }
                    if (!_sentToCounselor.ContainsKey(body))
                    {
                        continue;
                    }
                    if (current != p.CaseId)
                    {
                        var switches = mail.CountOf(Staff, CounselorUser(i), x => x.Text.Contains($"送り先を {p.Tag} に切り替えました", StringComparison.Ordinal));
                        if (!await StepAsync(Staff, CounselorUser(i), sender.User(Staff, CounselorUser(i)).PostbackEvent("switch:" + p.CaseId), $"送り先を {p.Tag} に切り替えました", _chatAck, switches + 1))
                        {
                            Errors.Add("switch not confirmed");
                            continue;
                        }
                        current = p.CaseId;
                    }
                    var reply = $"R{p.Index:0000}-{r:00}";
                    _sentToConsultee[reply] = DateTimeOffset.UtcNow;
                    await SendAsync([sender.User(Staff, CounselorUser(i)).TextEvent(reply)], _chatAck);
                }
            }
        }).ToList();
        var consulteesFinished = Task.WhenAll(consultees).ContinueWith(_ => consulteesDone = true, TaskScheduler.Default);
        await Task.WhenAll(counselors.Append(consulteesFinished));
        var sendingEnded = _clock.Elapsed;

        await DrainAsync();
        Report.HostAtPeak = Snapshot();
        Report.Chat = PhaseResult(started, cpu0, (Interlocked.Read(ref _acceptedEvents) - events0) / (sendingEnded - started).TotalSeconds);
        CheckRelays(connected);
    }

    private void Stamp(IEnumerable<Person> pair, int m, DateTimeOffset at)
    {
        foreach (var p in pair)
        {
            _sentToCounselor[$"L{p.Index:0000}-m{m:00}"] = at;
        }
    }

    /// <summary>Waits until every sent body has arrived at least once, or 30 s with nothing new.</summary>
    private async Task DrainAsync()
    {
        var lastCount = -1L;
        var quietSince = _clock.Elapsed;
        while (_clock.Elapsed - quietSince < TimeSpan.FromSeconds(30))
        {
            mail.Collect();
            var bodies = mail.All().SelectMany(b => b.Inbox).Select(m => Body(m.Text)).ToHashSet(StringComparer.Ordinal);
            if (_sentToCounselor.Keys.All(bodies.Contains) && _sentToConsultee.Keys.All(bodies.Contains))
            {
                return;
            }
            if (mail.Count != lastCount)
            {
                lastCount = mail.Count;
                quietSince = _clock.Elapsed;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>"L0001-m01" or "R10000-01" -> "Uload0001" / "Uload10000": the index runs to the dash (past 9999 it has 5 digits).</summary>
    private static string UserOf(string body) => "Uload" + body[1..body.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>"#ABCD L0001-m01" -> "L0001-m01"; plain texts are their own body.</summary>
    private static string Body(string text) => text.StartsWith('#') && text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? text[(space + 1)..] : text;

    private void CheckRelays(List<Person> connected)
    {
        var byUser = connected.ToDictionary(p => p.UserId, StringComparer.Ordinal);
        var counselorSeen = new Dictionary<string, List<(Arrived Message, string User)>>(StringComparer.Ordinal);
        var consulteeSeen = new Dictionary<string, List<(Arrived Message, string User)>>(StringComparer.Ordinal);
        foreach (var (channel, user, inbox) in mail.All())
        {
            var seen = channel == Staff ? counselorSeen : consulteeSeen;
            foreach (var m in inbox)
            {
                var body = Body(m.Text);
                if ((channel == Staff && body.StartsWith('L')) || (channel == Consultee && body.StartsWith('R')))
                {
                    if (!seen.TryGetValue(body, out var list))
                    {
                        seen[body] = list = [];
                    }
                    list.Add((m, user));
                }
            }
        }

        foreach (var (body, sentAt) in _sentToCounselor)
        {
            var p = byUser[UserOf(body)];
            if (!counselorSeen.TryGetValue(body, out var got))
            {
                var inSummary = mail.Inbox(Staff, CounselorUser(p.Counselor)).Any(m => m.Text.Contains("待っている間のメッセージ", StringComparison.Ordinal) && m.Text.Contains(body, StringComparison.Ordinal));
                Errors.Add(inSummary ? "consultee->counselor inside the waiting summary (delivered)" : "lost consultee->counselor");
                continue;
            }
            Errors.Add("duplicated consultee->counselor", got.Count - 1);
            if (got[0].User != CounselorUser(p.Counselor) || !got[0].Message.Text.StartsWith(p.Tag + " ", StringComparison.Ordinal))
            {
                Errors.Add("misrouted consultee->counselor");
            }
            _toCounselor.Add(got[0].Message.Time - sentAt);
            Report.CountRelayVia("consultee→counselor", got[0].Message.Via);
        }
        foreach (var (body, sentAt) in _sentToConsultee)
        {
            if (!consulteeSeen.TryGetValue(body, out var got))
            {
                Errors.Add("lost counselor->consultee");
                continue;
            }
            Errors.Add("duplicated counselor->consultee", got.Count - 1);
            if (got[0].User != UserOf(body))
            {
                Errors.Add("misrouted counselor->consultee");
            }
            _toConsultee.Add(got[0].Message.Time - sentAt);
            Report.CountRelayVia("counselor→consultee", got[0].Message.Via);
        }
        Report.SentToCounselor = _sentToCounselor.Count;
        Report.SentToConsultee = _sentToConsultee.Count;

        // In-order check per consultee: her messages must reach the counselor in the order she sent them.
        foreach (var p in connected)
        {
            var order = mail.Inbox(Staff, CounselorUser(p.Counselor)).Select(m => Body(m.Text))
                .Where(b => b.StartsWith($"L{p.Index:0000}-", StringComparison.Ordinal)).Distinct().ToList();
            if (!MessageOrder.InOrder(order))
            {
                Errors.Add("out of order consultee->counselor");
            }
        }
    }

    private async Task EndAsync(List<Person> people)
    {
        _phase = "end";
        var started = _clock.Elapsed;
        var cpu0 = host.CpuSeconds();
        var connected = people.Where(p => p.Counselor > 0).ToList();
        await Task.WhenAll(Enumerable.Range(1, options.Counselors).Select(async i =>
        {
            foreach (var p in connected.Where(p => p.Counselor == i))
            {
                var user = sender.User(Staff, CounselorUser(i));
                var switches = mail.CountOf(Staff, CounselorUser(i), x => x.Text.Contains($"送り先を {p.Tag} に切り替えました", StringComparison.Ordinal));
                if (await StepAsync(Staff, CounselorUser(i), user.PostbackEvent("switch:" + p.CaseId), $"送り先を {p.Tag} に切り替えました", _endAck, switches + 1))
                {
                    await StepAsync(Staff, CounselorUser(i), user.TextEvent("/終了"), $"{p.Tag} の相談を終了しました", _endAck);
                }
            }
        }));
        // The consultee's closing message (with the survey) must arrive exactly once.
        await Task.WhenAll(connected.Select(p => mail.WaitAsync(Consultee, p.UserId, "ご相談ありがとうございました", TimeSpan.FromSeconds(30))));
        await Task.Delay(500);
        mail.Collect();
        foreach (var p in connected)
        {
            var closings = mail.Inbox(Consultee, p.UserId).Count(m => m.Text.Contains("ご相談ありがとうございました", StringComparison.Ordinal));
            Errors.Add("lost closing message", closings == 0 ? 1 : 0);
            Errors.Add("duplicated closing message", closings - 1);
        }
        Report.End = PhaseResult(started, cpu0, null);

        var retryKeys = sender.Simulator.DeliveriesByRetryKey();
        Errors.Add("retry key delivered twice", retryKeys.Count(k => k.Value > 1));
        Report.CountDeliveries(mail, connected.Count + (Report.WarmUp?.Connected ?? 0)); // the mailboxes hold the warm-up's too
    }

    /// <summary>Sends one event and waits for the <paramref name="atLeast"/>-th message containing <paramref name="expect"/>.</summary>
    private async Task<bool> StepAsync(string channel, string user, SimulatedEvent e, string expect, Samples ack, int atLeast = 1)
    {
        if (await SendAsync([e], ack) != 200)
        {
            return false;
        }
        if (await mail.WaitAsync(channel, user, expect, StepLimit, atLeast) is null)
        {
            Errors.Add($"no answer '{expect}'");
            return false;
        }
        return true;
    }

    /// <summary>One signed webhook request; its HTTP round trip is the ack latency.</summary>
    private async Task<int> SendAsync(IReadOnlyList<SimulatedEvent> events, Samples ack)
    {
        CountSent(events.Count);
        var t = Stopwatch.GetTimestamp();
        try
        {
            var result = await sender.SendBatchAsync(events[0].Channel, events);
            var elapsed = Stopwatch.GetElapsedTime(t);
            ack.Add(elapsed);
            CountAcked(elapsed, result.StatusCode == 200 ? events.Count : 0);
            if (result.StatusCode != 200)
            {
                Errors.Add($"webhook HTTP {result.StatusCode}");
            }
            return result.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Errors.Add($"webhook {ex.GetType().Name}");
            return -1;
        }
    }

    /// <summary>The progress line's counters; a warm-up's sends count on its parent run's line too.</summary>
    private void CountSent(int events)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _events, events);
        _progressTo?.CountSent(events);
    }

    private void CountAcked(TimeSpan ack, int accepted)
    {
        Volatile.Read(ref _recentAcks).Add(ack);
        Interlocked.Add(ref _acceptedEvents, accepted);
        _progressTo?.CountAcked(ack, accepted);
    }

    private PhaseResult PhaseResult(TimeSpan started, double cpu0, double? eventsPerSecond) =>
        new((_clock.Elapsed - started).TotalSeconds, host.CpuSeconds() - cpu0, eventsPerSecond);

    private HostSnapshot Snapshot()
    {
        var (rss, hwm) = host.Memory();
        return new HostSnapshot(host.CpuSeconds(), rss, hwm);
    }

    private async Task ProgressAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop);
                var (rss, _) = host.Memory();
                var acks = Interlocked.Exchange(ref _recentAcks, new Samples()).Summary();
                var at = _clock.Elapsed;
                Report.AckBy5s.Add(new AckWindow(Math.Round(at.TotalSeconds), _phase, acks));
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{at:mm\\:ss}] {_phase,-8} requests {Interlocked.Read(ref _requests)} events {Interlocked.Read(ref _events)} accepted {Interlocked.Read(ref _acceptedEvents)} errors {Errors.Total} deliveries {mail.Count} host cpu {host.CpuSeconds():0.0}s rss {rss / 1048576.0:0} MiB ack 5 s n {acks.Count} p50 {acks.P50:0} p99 {acks.P99:0} max {acks.Max:0} ms"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Samples RSS each second: the peak working set is also VmHWM, this gives the peak during the run only.</summary>
    private async Task MonitorAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                Report.PeakRss = Math.Max(Report.PeakRss, host.Memory().Rss);
                await Task.Delay(1000, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [GeneratedRegex("offer:accept:([0-9A-Za-z]+)")]
    private static partial Regex OfferAccept();
}

/// <summary>Spreads sends to a target rate; no waiting at rate 0.</summary>
public sealed class Pacer(double rate)
{
    private readonly long _interval = rate > 0 ? (long)(Stopwatch.Frequency / rate) : 0;
    private long _next = Stopwatch.GetTimestamp();

    public Task WaitAsync()
    {
        if (_interval == 0)
        {
            return Task.CompletedTask;
        }
        var slot = Interlocked.Add(ref _next, _interval) - _interval;
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
