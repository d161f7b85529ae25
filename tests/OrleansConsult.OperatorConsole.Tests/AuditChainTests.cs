using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>The hash chain's rules, without a database.</summary>
public sealed class AuditChainTests
{
    private static List<AuditRecord> Chain(int count)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.Genesis;
        var at = new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = new AuditEntry("a@example.jp", "sign-in", seq % 2 == 0 ? "toyama" : null, "t" + seq);
            var hash = AuditChain.Hash(seq, at.AddMinutes(seq), entry, previous);
            records.Add(new AuditRecord(seq, at.AddMinutes(seq), entry.Actor, entry.Action, entry.Tenant, entry.Target, null, null, previous, hash));
            previous = hash;
        }
        return records;
    }

    [Fact]
    public void An_intact_chain_verifies()
    {
        Assert.Null(AuditChain.FirstBroken(Chain(5)));
        Assert.Null(AuditChain.FirstBroken([]));
    }

    [Fact]
    public void A_changed_a_removed_or_a_swapped_row_is_found()
    {
        var changed = Chain(5);
        changed[2] = changed[2] with { Actor = "someone-else@example.jp" };
        Assert.Equal(3, AuditChain.FirstBroken(changed)!.Seq);

        var removed = Chain(5);
        removed.RemoveAt(1);
        Assert.Equal(3, AuditChain.FirstBroken(removed)!.Seq);

        var swapped = Chain(5);
        (swapped[3], swapped[4]) = (swapped[4], swapped[3]);
        Assert.Equal(5, AuditChain.FirstBroken(swapped)!.Seq);
    }

    [Fact]
    public void Field_boundaries_count()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.NotEqual(
            AuditChain.Hash(1, at, new AuditEntry("ab", "c"), AuditChain.Genesis),
            AuditChain.Hash(1, at, new AuditEntry("a", "bc"), AuditChain.Genesis));
        Assert.NotEqual(
            AuditChain.Hash(1, at, new AuditEntry("a", "b", Tenant: null), AuditChain.Genesis),
            AuditChain.Hash(1, at, new AuditEntry("a", "b", Tenant: ""), AuditChain.Genesis));
    }
}
