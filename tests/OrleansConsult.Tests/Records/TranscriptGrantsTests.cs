using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.Tests.Records;

/// <summary>The transcript page's reload grant: hers, for this case, for five minutes; nothing else opens with it.</summary>
public sealed class TranscriptGrantsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 1, 30, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void A_grant_holds_for_her_and_this_case_until_it_lapses()
    {
        var grants = new TranscriptGrants(_keys, _clock);
        var grant = grants.Issue("sv@toyama.example.jp", "case-1");
        Assert.True(grants.Holds(grant, "sv@toyama.example.jp", "case-1"));
        _clock.Advance(TranscriptGrants.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(grants.Holds(grant, "sv@toyama.example.jp", "case-1")); // a reload within the lifetime
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(grants.Holds(grant, "sv@toyama.example.jp", "case-1")); // lapsed: the reason is asked again
    }

    [Fact]
    public void A_grant_opens_no_other_case_for_no_one_else_and_a_forged_one_nothing()
    {
        var grants = new TranscriptGrants(_keys, _clock);
        var grant = grants.Issue("sv@toyama.example.jp", "case-1");
        Assert.False(grants.Holds(grant, "other@toyama.example.jp", "case-1"));
        Assert.False(grants.Holds(grant, "sv@toyama.example.jp", "case-2"));
        Assert.False(grants.Holds(grant[..^2] + "AA", "sv@toyama.example.jp", "case-1"));
        Assert.False(grants.Holds("not-a-grant", "sv@toyama.example.jp", "case-1"));
        Assert.False(grants.Holds(null, "sv@toyama.example.jp", "case-1"));
        // Another console's keys: nothing.
        Assert.False(new TranscriptGrants(new EphemeralDataProtectionProvider(), _clock).Holds(grant, "sv@toyama.example.jp", "case-1"));
    }
}
