using OrleansConsult.Grains.Records;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Tests.Records;

/// <summary>
/// A month of case records for one tenant (November 2026, about 60 cases over LINE and phone, night and
/// holiday ones, pool-answered ones, referrals, one to erase), plus a few rows the tenant's report must not count
/// (another tenant, the month before and after). Deterministic: a fixed seed.
/// </summary>
public sealed class ScriptedMonth
{
    public const string Tenant = "toyama";
    public const string OtherTenant = "kochi";
    public static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(9));
    public static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public List<CaseRecord> Records { get; } = [];
    public List<CaseReferral> Referrals { get; } = [];
    public string ErasedCaseId { get; }

    public ScriptedMonth(int cases = 60, int seed = 12)
    {
        var random = new Random(seed);
        var lists = RecordListsInUse.Default;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        for (var i = 0; i < cases; i++)
        {
            var phone = i % 5 == 0;
            var opened = From.AddMinutes(random.Next(0, 30 * 24 * 60 - 120));
            var answered = phone ? (DateTimeOffset?)null : opened.AddSeconds(random.Next(10, 3600));
            var pool = !phone && i % 7 == 0;
            var left = !phone && i % 9 == 0;
            var classified = i % 6 != 5;
            Records.Add(new CaseRecord(
                $"case-{i:D3}", Tenant,
                phone ? $"phone:{i}" : $"line:person-{random.Next(0, 40)}", // some people come back: 実人数 < 延べ件数
                phone ? CaseChannels.Phone : CaseChannels.Line,
                opened, Pick(TimeBands.All), answered, opened.AddMinutes(random.Next(15, 90)),
                Urgent: i % 11 == 0,
                AnsweredBy: pool ? "national" : answered is null ? null : Tenant,
                AnsweredByPool: pool,
                LeftMessage: left,
                LeftMessageAnsweredAt: left && i % 2 == 0 ? answered : null,
                SurveyScore: i % 3 == 0 ? random.Next(1, 6) : null,
                DurationMinutes: phone ? random.Next(5, 60) : null,
                Classification: classified
                    ? new CaseClassification(
                        lists.Topics.Where(_ => random.Next(3) == 0).DefaultIfEmpty(lists.Topics[^1]).ToList(),
                        Pick(lists.AgeBands), Pick(lists.PregnancyWeeks),
                        lists.Actions.Where(_ => random.Next(2) == 0).ToList())
                    : null));
            if (i % 4 == 0)
            {
                var destination = Pick(lists.Destinations);
                Referrals.Add(new CaseReferral(
                    $"ref-{i:D3}-a", $"case-{i:D3}", destination, "市の窓口", Pick(lists.ReferralStatuses),
                    AccompaniedOn: destination == "医療機関（産科）" || i % 12 == 0 ? DateOnly.FromDateTime(opened.AddDays(3).DateTime) : null,
                    AccompaniedBy: destination == "医療機関（産科）" || i % 12 == 0 ? "助産師" : null,
                    ShelterNights: destination == "居場所・シェルター" || i % 16 == 0 ? random.Next(1, 5) : null));
            }
            if (i % 10 == 3)
            {
                Referrals.Add(new CaseReferral($"ref-{i:D3}-b", $"case-{i:D3}", Pick(lists.Destinations), "病院", Pick(lists.ReferralStatuses)));
            }
        }
        ErasedCaseId = "case-008"; // has a referral (i % 4 == 0)

        // Rows the tenant's November report must not count.
        Records.Add(new CaseRecord("other-1", OtherTenant, "line:other", CaseChannels.Line, From.AddDays(2), TimeBands.Night, From.AddDays(2).AddMinutes(1)));
        Records.Add(new CaseRecord("before-1", Tenant, "line:person-1", CaseChannels.Line, From.AddSeconds(-1), TimeBands.Night));
        Records.Add(new CaseRecord("after-1", Tenant, "line:person-1", CaseChannels.Line, To, TimeBands.Holiday));
    }

    /// <summary>The cases the tenant's November report counts, worked out from the script (not from the database).</summary>
    public IReadOnlyList<CaseRecord> Counted(string? tenant) =>
        Records.Where(r => r.CaseId != ErasedCaseId && (tenant is null || r.TenantId == tenant) && r.OpenedAt >= From && r.OpenedAt < To).ToList();
}
