using System.Text;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>The invitation table on the embedded SQLite file and on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StaffInvitationStoreTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private Task<Database> DatabaseAsync(string mode) => postgres.MigratedDatabaseAsync(mode, _data.Path);

    private static SqlStaffInvitationStore Store(Database database, string keyRing) => new(database, new PayloadProtector(keyRing));

    private static async Task<(StaffInvitation Invitation, string Code)> AddAsync(IStaffInvitationStore store, string staffId = "tym-c01", TimeSpan? lifetime = null)
    {
        var invitation = new StaffInvitation(InvitationCode.NewId(), "toyama", staffId, Now, Now + (lifetime ?? TimeSpan.FromHours(72)));
        var code = InvitationCode.New();
        await store.AddAsync(invitation, code);
        return (invitation, code);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_code_is_used_once_and_the_same_user_again_still_finds_it_hers(string mode)
    {
        var store = Store(await DatabaseAsync(mode), PayloadProtector.NewKeyRingEntry("k1"));
        var (invitation, code) = await AddAsync(store);

        var first = await store.ConsumeAsync(code, "staff:Ualice", Now.AddMinutes(1));
        Assert.True(first.Accepted);
        Assert.Equal(invitation with { UsedAt = Now.AddMinutes(1) }, first.Invitation);

        var other = await store.ConsumeAsync(code, "staff:Umallory", Now.AddMinutes(2));
        Assert.Equal(InvitationStatus.Used, other.Outcome);
        Assert.False(other.Accepted);
        // Her own event retried after a crash: not refused by its own first attempt.
        Assert.True((await store.ConsumeAsync(code, "staff:Ualice", Now.AddMinutes(3))).Accepted);
        Assert.Equal(InvitationStatus.Unknown, (await store.ConsumeAsync(InvitationCode.New(), "staff:Ualice", Now)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Expired_and_revoked_codes_enroll_nobody(string mode)
    {
        var store = Store(await DatabaseAsync(mode), PayloadProtector.NewKeyRingEntry("k1"));
        var (_, expiring) = await AddAsync(store, lifetime: TimeSpan.FromHours(1));
        Assert.Equal(InvitationStatus.Expired, (await store.ConsumeAsync(expiring, "staff:U1", Now.AddHours(1))).Outcome);

        var (byId, byIdCode) = await AddAsync(store, "tym-c02");
        Assert.Equal(Now.AddMinutes(5), (await store.RevokeByIdAsync(byId.Id, Now.AddMinutes(5)))!.RevokedAt);
        Assert.Equal(InvitationStatus.Revoked, (await store.ConsumeAsync(byIdCode, "staff:U2", Now.AddMinutes(6))).Outcome);

        var (_, byCode) = await AddAsync(store, "tym-m01");
        Assert.Equal(InvitationStatus.Revoked, (await store.RevokeByCodeAsync(byCode, Now))!.StatusAt(Now));
        Assert.Equal(InvitationStatus.Revoked, (await store.ConsumeAsync(byCode, "staff:U3", Now.AddMinutes(1))).Outcome);

        // A used invitation is not revoked (her binding is ended with an unbind instead).
        var (used, usedCode) = await AddAsync(store, "tym-m02");
        await store.ConsumeAsync(usedCode, "staff:U4", Now);
        Assert.Equal(InvitationStatus.Used, (await store.RevokeByIdAsync(used.Id, Now.AddMinutes(1)))!.StatusAt(Now.AddMinutes(1)));
        Assert.Null(await store.RevokeByIdAsync("inv-00000000", Now));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Open_invitations_of_one_staff_member_are_revoked_together_and_listed_by_tenant(string mode)
    {
        var store = Store(await DatabaseAsync(mode), PayloadProtector.NewKeyRingEntry("k1"));
        var (a, _) = await AddAsync(store);
        var (b, _) = await AddAsync(store);
        var (other, _) = await AddAsync(store, "tym-c02");
        var pool = new StaffInvitation(InvitationCode.NewId(), "national", "nat-n01", Now.AddMinutes(1), Now.AddHours(72));
        await store.AddAsync(pool, InvitationCode.New());

        Assert.Equal(2, await store.RevokeOpenForAsync("toyama", "tym-c01", Now.AddMinutes(2)));

        var toyama = await store.ListAsync("toyama", 10);
        Assert.Equal(new[] { a.Id, b.Id, other.Id }.Order(StringComparer.Ordinal), toyama.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(toyama.Where(i => i.StaffId == "tym-c01"), i => Assert.Equal(InvitationStatus.Revoked, i.StatusAt(Now.AddMinutes(3))));
        Assert.Equal(InvitationStatus.Open, toyama.Single(i => i.Id == other.Id).StatusAt(Now.AddMinutes(3)));
        Assert.Equal(pool.Id, (await store.ListAsync(null, 10))[0].Id); // newest first
        Assert.Single(await store.ListAsync(null, 1));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Of_two_uses_at_once_exactly_one_enrolls(string mode)
    {
        var store = Store(await DatabaseAsync(mode), PayloadProtector.NewKeyRingEntry("k1"));
        var (_, code) = await AddAsync(store);
        var uses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.ConsumeAsync(code, $"staff:U{i}", Now))));
        Assert.Single(uses, u => u.Accepted);
        Assert.Equal(7, uses.Count(u => u.Outcome == InvitationStatus.Used));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_code_issued_before_a_key_rotation_still_works(string mode)
    {
        var database = await DatabaseAsync(mode);
        var k1 = PayloadProtector.NewKeyRingEntry("k1");
        var (_, code) = await AddAsync(Store(database, k1));
        var rotated = Store(database, $"{PayloadProtector.NewKeyRingEntry("k2")};{k1}");
        Assert.True((await rotated.ConsumeAsync(code, "staff:U1", Now)).Accepted);
        Assert.True((await rotated.ConsumeAsync(code, "staff:U1", Now)).Accepted);
        // A ring without the key it was hashed under does not know the code.
        Assert.Equal(InvitationStatus.Unknown, (await Store(database, PayloadProtector.NewKeyRingEntry("k1")).ConsumeAsync(code, "staff:U1", Now)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Neither_the_code_nor_who_used_it_is_stored_in_clear(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = Store(database, PayloadProtector.NewKeyRingEntry("k1"));
        var (_, code) = await AddAsync(store);
        const string LineUser = "staff:U4f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d";
        await store.ConsumeAsync(code, LineUser, Now);

        var cells = new List<string>();
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM oc_staff_invitation";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }
        var bare = code.Replace("-", "");
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Contains(bare, StringComparison.OrdinalIgnoreCase) || c.Contains(code, StringComparison.OrdinalIgnoreCase)
            || c.Contains("U4f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d", StringComparison.Ordinal));
        if (mode == "sqlite")
        {
            var bytes = await File.ReadAllBytesAsync(database.Options.SqliteFilePath);
            Assert.DoesNotContain(code, Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        }
    }
}
