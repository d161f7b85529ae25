using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// November 2026 in Toyama, as the scripted-month journey plays it: 48 LINE cases (nights, weekends, the holidays of
/// 3 and 23 November, the national pool, left messages, urgent ones, people who come back, one who later erases her
/// record) and 10 phone calls recorded in the console. Toyama's hours in this program: Tue/Thu/Sat 9–13 and Wed/Fri
/// 14–19 (the sample's 14–18 stretched to 19:00 so it overlaps the pool's 18–22: an open Toyama with nobody on shift
/// overflows). The time band of each case is written here by hand from those hours, not computed by the product's policy.
/// </summary>
public sealed class MonthScript
{
    public const string Tenant = "toyama";
    public const string Month = "2026-11";
    public const string ErasedPerson = "P07";
    public static readonly DateTimeOffset ErasureAt = Tokyo(14, 12, 30);

    public IReadOnlyList<MonthLineCase> LineCases { get; }
    public IReadOnlyList<MonthPhoneCall> PhoneCalls { get; }

    private static readonly CaseRecordLists Lists = RecordListsInUse.Default;

    public static DateTimeOffset Tokyo(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(9));

    public MonthScript()
    {
        const string Within = TimeBands.WithinHours, Night = TimeBands.Night, Holiday = TimeBands.Holiday;
        var local = MonthRoute.Local;
        var pool = MonthRoute.Pool;
        var overflow = MonthRoute.PoolWhileOpen;
        var left = MonthRoute.LeftMessage;
        // (day, hour, minute, route, person, band, urgent); left messages are answered at the time given after them.
        var plan = new (int Day, int Hour, int Minute, MonthRoute Route, string Person, string Band, bool Urgent, DateTimeOffset? Answer)[]
        {
            (1, 19, 0, pool, "P01", Holiday, false, null),     // Sunday evening: Toyama closed, the pool open
            (1, 20, 30, pool, "P02", Holiday, true, null),
            (2, 19, 0, pool, "P03", Night, false, null),       // Monday night
            (3, 11, 0, pool, "P04", Holiday, false, null),     // 文化の日 (Tuesday): Toyama closed, the pool from 10:00
            (3, 14, 0, pool, "P05", Holiday, false, null),
            (3, 19, 30, pool, "P01", Holiday, false, null),
            (4, 7, 0, left, "P06", Night, false, Tokyo(4, 14, 5)), // Wednesday early morning: answered at Toyama's opening
            (4, 14, 30, local, "P07", Within, false, null),
            (4, 15, 0, local, "P08", Within, false, null),
            (5, 9, 30, local, "P09", Within, true, null),
            (5, 10, 0, local, "P10", Within, false, null),
            (5, 11, 0, local, "P02", Within, false, null),
            (6, 14, 10, local, "P11", Within, false, null),
            (6, 18, 30, overflow, "P12", Within, false, null), // Friday 18:30: Toyama open, nobody on shift
            (7, 9, 15, local, "P13", Within, false, null),     // Saturday morning: Toyama open
            (7, 10, 0, local, "P14", Within, false, null),
            (8, 21, 0, pool, "P15", Holiday, false, null),
            (9, 18, 10, pool, "P16", Night, false, null),
            (10, 6, 45, left, "P17", Night, false, Tokyo(10, 9, 5)),
            (10, 10, 0, local, "P18", Within, false, null),
            (10, 11, 30, local, "P07", Within, false, null),
            (11, 16, 0, local, "P19", Within, false, null),
            (11, 20, 0, pool, "P20", Night, false, null),
            (12, 9, 40, local, "P21", Within, false, null),
            (12, 12, 0, local, "P09", Within, false, null),
            (13, 15, 0, local, "P22", Within, false, null),
            (13, 18, 40, overflow, "P23", Within, false, null),
            (14, 11, 0, local, "P24", Within, false, null),
            (15, 19, 0, pool, "P25", Holiday, false, null),
            (16, 20, 0, pool, "P26", Night, false, null),
            (17, 10, 30, local, "P27", Within, false, null),
            (17, 12, 0, local, "P10", Within, false, null),
            (18, 14, 20, local, "P28", Within, false, null),
            (19, 9, 10, local, "P01", Within, false, null),
            (19, 23, 0, left, "P29", Night, false, Tokyo(20, 14, 2)), // Thursday 23:00: answered Friday 14:02
            (20, 16, 0, local, "P11", Within, false, null),
            (21, 12, 0, local, "P30", Within, false, null),
            (22, 19, 30, pool, "P13", Holiday, false, null),
            (23, 10, 30, pool, "P31", Holiday, false, null),   // 勤労感謝の日 (Monday)
            (23, 15, 0, pool, "P14", Holiday, true, null),
            (24, 9, 20, local, "P32", Within, false, null),
            (24, 10, 10, local, "P18", Within, false, null),
            (25, 14, 40, local, "P33", Within, false, null),
            (26, 10, 0, local, "P34", Within, false, null),
            (27, 14, 30, local, "P02", Within, false, null),
            (28, 9, 30, local, "P35", Within, false, null),
            (29, 20, 0, pool, "P36", Holiday, false, null),
            (30, 19, 0, pool, "P22", Night, false, null),
        };

        var cases = new List<MonthLineCase>();
        for (var i = 0; i < plan.Length; i++)
        {
            var p = plan[i];
            var opened = Tokyo(p.Day, p.Hour, p.Minute);
            var wait = p.Answer is { } answer ? answer - opened : TimeSpan.FromSeconds(5 + i * 7 % 50); // under the 60 s offer timeout
            var unclassified = i % 8 == 5; // あとで on LINE
            cases.Add(new MonthLineCase(
                Number: i + 1, OpenedAt: opened, Route: p.Route, Person: p.Person, Band: p.Band, Wait: wait, Urgent: p.Urgent,
                Survey: i % 3 == 2 ? null : 1 + (i * 2 + 3) % 5,
                Classification: unclassified && i is not (5 or 21) ? null : Classify(i),
                ClassifiedInConsole: i is 5 or 21, // two of the six あとで: the supervisor classifies them in the console
                LineReferral: p.Urgent && p.Route == local ? new MonthReferral("警察", "連絡した", "富山中央警察署")
                    : i % 5 == 1 ? new MonthReferral(Lists.Destinations[i % Lists.Destinations.Count], Lists.ReferralStatuses[i % 4], $"紹介先{i + 1}")
                    : null,
                ConsoleReferral: i switch
                {
                    9 => new MonthReferral("医療機関（産科）", "つながった", "県立中央病院", new DateOnly(2026, 11, 9), "助産師"),
                    24 => new MonthReferral("居場所・シェルター", "つながった", "ステップハウス", ShelterNights: 3),
                    _ => null,
                }));
        }
        LineCases = cases;

        PhoneCalls =
        [
            new(1, Tokyo(2, 10, 0), Night, 20, Classify(101)),            // Monday: Toyama closed
            new(2, Tokyo(3, 15, 0), Holiday, 35, Classify(102)),          // 文化の日
            new(3, Tokyo(5, 9, 45), Within, 15, Classify(103), Urgent: true,
                Referral: new MonthReferral("児童相談所", "連絡した", "富山児童相談所")),
            new(4, Tokyo(6, 16, 0), Within, 40, Classify(104)),
            new(5, Tokyo(8, 13, 0), Holiday, 25, Classify(105)),          // Sunday
            new(6, Tokyo(12, 22, 30), Night, 50, Classify(106)),
            new(7, Tokyo(17, 11, 0), Within, 10, Classify(107),
                Referral: new MonthReferral("医療機関（産科）", "提案した", "市民病院", new DateOnly(2026, 11, 19), "相談員")),
            new(8, Tokyo(21, 12, 30), Within, 30, Classify(108)),
            new(9, Tokyo(23, 11, 0), Holiday, 45, Classify(109)),         // 勤労感謝の日
            new(10, Tokyo(26, 19, 0), Night, 18, Classify(110)),
        ];
    }

    /// <summary>A classification that varies with <paramref name="i"/>: one topic (two every fourth case), 年代, 週数, one action (two every sixth).</summary>
    private static CaseClassification Classify(int i)
    {
        var topics = new List<string> { Lists.Topics[i % Lists.Topics.Count] };
        if (i % 4 == 0) topics.Add(Lists.Topics[(i * 3 + 1) % Lists.Topics.Count]);
        var actions = new List<string> { Lists.Actions[i % Lists.Actions.Count] };
        if (i % 6 == 0) actions.Add(Lists.Actions[(i + 2) % Lists.Actions.Count]);
        return new CaseClassification(topics.Distinct().ToList(), Lists.AgeBands[i % Lists.AgeBands.Count],
            Lists.PregnancyWeeks[(i / 2) % Lists.PregnancyWeeks.Count], actions.Distinct().ToList());
    }

    /// <summary>The LINE cases the report counts: all but the erased person's.</summary>
    public IReadOnlyList<MonthLineCase> CountedLineCases => LineCases.Where(c => c.Person != ErasedPerson).ToList();
}
