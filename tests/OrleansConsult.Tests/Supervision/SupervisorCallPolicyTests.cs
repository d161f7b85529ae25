using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Supervision;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Supervision;

/// <summary>Who a call reaches, which referrals call, what the desk remembers and shows. Pure, no silo.</summary>
public sealed class SupervisorCallPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static StaffMember Supervisor(string id) => new(id, id, StaffRole.Supervisor, 1, null, "tenant:t") { TakesCases = false };

    [Fact]
    public void Only_supervisors_at_work_are_called_and_never_the_caller()
    {
        var roster = new[] { Supervisor("a"), Supervisor("b"), Supervisor("c"), Supervisor("d") };
        var onShift = new Dictionary<string, Presence> { ["a"] = Presence.Available, ["b"] = Presence.Away, ["d"] = Presence.Available };
        Assert.Equal(["a", "d"], SupervisorCallPolicy.Callable(roster, onShift, caller: "x"));
        Assert.Equal(["a"], SupervisorCallPolicy.Callable(roster, onShift, caller: "d"));
        Assert.Empty(SupervisorCallPolicy.Callable([], onShift, null));
    }

    [Theory]
    [InlineData("警察", true, true)]
    [InlineData("児童相談所", true, true)]
    [InlineData("警察", false, false)]
    [InlineData("医療機関（産科）", true, false)]
    [InlineData("居場所・シェルター", true, false)]
    public void Only_an_urgent_referral_to_the_police_or_child_guidance_calls(string destination, bool urgent, bool calls) =>
        Assert.Equal(calls, SupervisorCallPolicy.CallsOnReferral(destination, urgent));

    [Fact]
    public void The_board_counts_unanswered_calls_and_names_the_latest_by_tag()
    {
        var calls = new List<DeskCall>
        {
            Call("AAAA1", Now.AddHours(-13), phoned: false),
            Call("BBBB2", Now.AddMinutes(-30), phoned: false, answeredBy: "a"),
            Call("CCCC3", Now.AddMinutes(-5), phoned: true),
        };
        SupervisorCallPolicy.Prune(calls, Now);
        Assert.Equal(2, calls.Count); // past the 12 hours: dropped
        var summary = SupervisorCallPolicy.Summary(calls, onShift: 0, version: 7);
        Assert.Equal(1, summary.Unanswered);
        Assert.Equal(CaseIds.Tag("CCCC3"), summary.LatestTag);
        Assert.True(summary.LatestWentToPhones);
        Assert.Equal(7, summary.Version);
    }

    [Fact]
    public void The_phone_list_is_label_and_number()
    {
        Assert.Equal(["窓口 0120-000-001"], SupervisorCallPolicy.PhoneList([new PhoneNumber("窓口", "0120-000-001", "平日")]));
        Assert.Contains("窓口の責任者に直接連絡", SupervisionSay.NobodyOnShift("#ABCD", []));
        Assert.Contains("・窓口 0120", SupervisionSay.NobodyOnShift("#ABCD", ["窓口 0120"]));
    }

    private static DeskCall Call(string caseId, DateTimeOffset at, bool phoned, string? answeredBy = null) => new()
    {
        Call = new SupervisorCall(caseId, caseId, "t", "T県", false, SupervisorCallReason.Counselor, null, "c", at),
        Outcome = new SupervisorCallOutcome(phoned ? 0 : 1, phoned ? ["x"] : []),
        AnsweredBy = answeredBy,
    };
}
