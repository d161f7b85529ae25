using OrleansConsult.Abstractions;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Storage;

/// <summary>The pending-work registry on both databases: registrations of many grains share statements, and each lands.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PendingWorkRegistryTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Concurrent_registrations_each_land_under_their_silo(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var siloA = new SqlPendingWorkRegistry(database, "silo-a", TimeProvider.System);

        // Many at once (a surge of new users), one grain twice among them, both kinds.
        var keys = Enumerable.Range(0, 300).Select(i => $"consultee:k{i}").ToList();
        await Task.WhenAll(keys.Select(k => siloA.RegisterAsync(k, LineUserKind.Consultee))
            .Append(siloA.RegisterAsync("consultee:k7", LineUserKind.Consultee))
            .Append(siloA.RegisterAsync("staff:s1", LineUserKind.Staff)));

        var orphans = await siloA.OrphanedAsync(new HashSet<string>(), 1000);
        Assert.Equal(301, orphans.Count);
        Assert.All(orphans, o => Assert.Equal("silo-a", o.Owner));
        Assert.Equal(keys.Append("staff:s1").Order(), orphans.Select(o => o.GrainKey).Order());
        Assert.Equal(LineUserKind.Staff, orphans.Single(o => o.GrainKey == "staff:s1").Kind);
        Assert.Empty(await siloA.OrphanedAsync(new HashSet<string> { "silo-a" }, 1000));

        // A grain that moved is registered by its new silo; the old silo's release leaves the new entry alone.
        var siloB = new SqlPendingWorkRegistry(database, "silo-b", TimeProvider.System);
        await siloB.RegisterAsync("consultee:k3", LineUserKind.Consultee);
        await siloA.ReleaseAsync("consultee:k3");
        var fromB = await siloB.OrphanedAsync(new HashSet<string> { "silo-a" }, 1000);
        Assert.Equal(("consultee:k3", "silo-b"), (fromB.Single().GrainKey, fromB.Single().Owner));
        await siloA.ReleaseAsync("consultee:k4");
        Assert.Equal(299, (await siloA.OrphanedAsync(new HashSet<string> { "silo-b" }, 1000)).Count);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_entry_handed_to_no_silo_is_orphaned_for_every_live_silo_until_its_grain_registers_again(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var siloA = new SqlPendingWorkRegistry(database, "silo-a", TimeProvider.System);
        var siloB = new SqlPendingWorkRegistry(database, "silo-b", TimeProvider.System);
        await siloA.RegisterAsync("consultee:shed", LineUserKind.Consultee);
        await siloA.RegisterAsync("staff:kept", LineUserKind.Staff);
        var bothLive = new HashSet<string> { "silo-a", "silo-b" };
        Assert.Empty(await siloB.OrphanedAsync(bothLive, 100));

        // Deactivated with work left while silo-a lives on: its entry goes to no silo, and silo-b's sweep finds it.
        await siloA.OrphanAsync("consultee:shed");
        var found = Assert.Single(await siloB.OrphanedAsync(bothLive, 100));
        Assert.Equal(("consultee:shed", LineUserKind.Consultee, IPendingWorkRegistry.NoSilo), (found.GrainKey, found.Kind, found.Owner));

        // Only its own silo's entry: once the grain lives on silo-b, silo-a cannot orphan it.
        await siloB.RegisterAsync("consultee:shed", LineUserKind.Consultee);
        await siloA.OrphanAsync("consultee:shed");
        Assert.Empty(await siloB.OrphanedAsync(bothLive, 100));

        // Woken and registered again before the sweep forgets it: the entry stays, under its new silo.
        await siloB.OrphanAsync("consultee:shed");
        await siloA.RegisterAsync("consultee:shed", LineUserKind.Consultee);
        await siloB.ForgetOrphanAsync("consultee:shed", IPendingWorkRegistry.NoSilo);
        Assert.Equal("silo-a", Assert.Single(await siloB.OrphanedAsync(new HashSet<string> { "silo-b" }, 100), o => o.GrainKey == "consultee:shed").Owner);

        // Its work ended before its activation did: released, whether handed to no silo or not.
        await siloA.OrphanAsync("consultee:shed");
        await siloA.ReleaseAsync("consultee:shed");
        Assert.DoesNotContain(await siloB.OrphanedAsync(new HashSet<string>(), 100), o => o.GrainKey == "consultee:shed");
        await siloA.RegisterAsync("consultee:shed", LineUserKind.Consultee);

        // Woken with nothing left to do: the sweep forgets it.
        await siloA.OrphanAsync("consultee:shed");
        await siloB.ForgetOrphanAsync("consultee:shed", IPendingWorkRegistry.NoSilo);
        Assert.DoesNotContain(await siloB.OrphanedAsync(new HashSet<string>(), 100), o => o.GrainKey == "consultee:shed");
    }
}
