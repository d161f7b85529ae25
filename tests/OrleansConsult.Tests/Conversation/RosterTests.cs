using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// The program's roster is the truth: a counselor removed from it, marked inactive or moved to another
/// tenant gets no further offers from her old dispatcher, at once, though that dispatcher still has her
/// as 出勤 from her last report.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RosterTests(ClusterFixture fixture)
{
    private ProgramDirectory Directory => ((InProcessSiloHandle)fixture.Cluster.Primary).ServiceProvider.GetRequiredService<ProgramDirectory>();

    /// <summary>Runs <paramref name="body"/> with a changed program in use, then puts the original back (other tests share it).</summary>
    private async Task WithProgramAsync(Func<ProgramConfiguration, ProgramConfiguration> change, Func<Task> body)
    {
        var original = Directory.Program;
        Directory.Use(change(original));
        try
        {
            await body();
        }
        finally
        {
            Directory.Use(original);
        }
    }

    /// <summary>c1 on shift first (longest idle: she would get the next offer), then c2.</summary>
    private static async Task<(Person First, Person Second)> TwoOnShiftAsync(Scenario s)
    {
        var first = await s.OnShiftAsync("c1");
        s.Advance(TimeSpan.FromMinutes(1));
        var second = await s.OnShiftAsync("c2");
        return (first, second);
    }

    [Fact]
    public async Task A_counselor_removed_from_the_roster_gets_no_further_offers()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var (removed, other) = await TwoOnShiftAsync(s);
        await WithProgramAsync(p => RosterEdits.Remove(p, removed.CounselorId!), async () =>
        {
            var she = await s.ReadyConsulteeAsync();
            await she.SayAsync("相談する");
            await other.AnswerOfferAsync(accept: true);
            await she.ExpectAsync("相談員とつながりました");
            Assert.Equal(0, removed.Count("新しい相談があります"));
            Assert.DoesNotContain((await s.LocalDispatcher.GetSnapshotAsync()).Counselors, c => c.CounselorId == removed.CounselorId);

            await removed.SayAsync("出勤");
            await removed.ExpectAsync("相談の担当として登録されていない");
        });
    }

    [Fact]
    public async Task An_inactive_counselor_gets_no_further_offers()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var (inactive, other) = await TwoOnShiftAsync(s);
        await WithProgramAsync(p => RosterEdits.Deactivate(p, inactive.CounselorId!), async () =>
        {
            var she = await s.ReadyConsulteeAsync();
            await she.SayAsync("相談する");
            await other.ExpectAsync("新しい相談があります");
            Assert.Equal(0, inactive.Count("新しい相談があります"));
        });
    }

    [Fact]
    public async Task A_counselor_moved_to_another_tenant_gets_no_offers_from_her_old_one_and_works_for_the_new_one()
    {
        var s = new Scenario(fixture);
        var elsewhere = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var (moved, other) = await TwoOnShiftAsync(s);
        await WithProgramAsync(p => RosterEdits.Move(p, moved.CounselorId!, elsewhere.TenantId), async () =>
        {
            var she = await s.ReadyConsulteeAsync();
            await she.SayAsync("相談する");
            await other.ExpectAsync("新しい相談があります");
            Assert.Equal(0, moved.Count("新しい相談があります"));

            await moved.SayAsync("出勤"); // reports to her new tenant
            var there = await elsewhere.ReadyConsulteeAsync();
            await there.SayAsync("相談する");
            await moved.AnswerOfferAsync(accept: true);
            await there.ExpectAsync("相談員とつながりました");
        });
    }

    [Fact]
    public async Task An_offer_on_her_phone_when_she_leaves_the_roster_is_refused_and_goes_to_someone_else()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var (leaving, other) = await TwoOnShiftAsync(s);
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await leaving.ExpectAsync("新しい相談があります");
        await WithProgramAsync(p => RosterEdits.Remove(p, leaving.CounselorId!), async () =>
        {
            await leaving.AnswerOfferAsync(accept: true);
            await leaving.ExpectAsync("の相談は取り消しました");
            await other.AnswerOfferAsync(accept: true);
            await she.ExpectAsync("相談員とつながりました");
            Assert.Equal(1, she.Count("相談員とつながりました"));
        });
    }
}
