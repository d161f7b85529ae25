using System.Security.Cryptography;
using OrleansConsult.Abstractions;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Media;

/// <summary>oc_media on SQLite and PostgreSQL: once per (case, event), sealed and bound to its id, deleted with its case or by age.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MediaStoreTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly string Ring = PayloadProtector.NewKeyRingEntry("k1");

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private Task<Database> DatabaseAsync(string mode) => postgres.MigratedDatabaseAsync(mode, _data.Path);

    private static StoredMedia Photo(string caseId, string entryId, byte[] bytes, int daysAgo = 0) =>
        new(caseId, "tenant-a", entryId, Now.AddDays(-daysAgo), "image", "image/png", bytes, null, null);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Stored_once_per_case_and_event_under_a_random_id_and_read_back(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = new SqlMediaStore(database, new PayloadProtector(Ring));
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var preview = RandomNumberGenerator.GetBytes(500);

        var id = await store.PutAsync(Photo("case-1", "ev-1", bytes) with { Preview = preview, PreviewType = "image/jpeg" });
        Assert.Equal(43, id.Length);
        Assert.Equal(id, await store.PutAsync(Photo("case-1", "ev-1", RandomNumberGenerator.GetBytes(10))));
        Assert.NotEqual(id, await store.PutAsync(Photo("case-1", "ev-2", bytes)));

        var original = await store.GetAsync(id, preview: false);
        Assert.Equal(bytes, original!.Bytes);
        Assert.Equal(("image/png", "image"), (original.ContentType, original.Kind));
        var small = await store.GetAsync(id, preview: true);
        Assert.Equal(preview, small!.Bytes);
        Assert.Equal("image/jpeg", small.ContentType);
        Assert.Null(await store.GetAsync("no-such-media", preview: false));
        Assert.Equal(2, await store.CountCaseAsync("case-1"));

        Assert.Equal(2, await store.DeleteCaseAsync("case-1"));
        Assert.Null(await store.GetAsync(id, preview: false));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_blob_copied_to_another_row_does_not_open_and_another_key_ring_cannot_read_it(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = new SqlMediaStore(database, new PayloadProtector(Ring));
        var a = await store.PutAsync(Photo("case-1", "ev-1", RandomNumberGenerator.GetBytes(100)));
        var b = await store.PutAsync(Photo("case-1", "ev-2", RandomNumberGenerator.GetBytes(100)));
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE oc_media SET payload = (SELECT payload FROM oc_media WHERE media_id = @a) WHERE media_id = @b";
            foreach (var (name, value) in new[] { ("a", a), ("b", b) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await command.ExecuteNonQueryAsync();
        }
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync(b, preview: false));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => new SqlMediaStore(database, new PayloadProtector(PayloadProtector.NewKeyRingEntry("k1"))).GetAsync(a, preview: false));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_purge_deletes_a_tenants_media_stored_before_its_cutoff(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = new SqlMediaStore(database, new PayloadProtector(Ring));
        var old = await store.PutAsync(Photo("case-old", "ev-1", [1, 2, 3], daysAgo: 400));
        var recent = await store.PutAsync(Photo("case-new", "ev-1", [4, 5, 6], daysAgo: 1));
        var otherTenant = await store.PutAsync(Photo("case-x", "ev-1", [7], daysAgo: 400) with { TenantId = "tenant-b" });

        Assert.Equal(1, await store.PurgeAsync("tenant-a", Now.AddDays(-365)));
        Assert.Null(await store.GetAsync(old, preview: false));
        Assert.NotNull(await store.GetAsync(recent, preview: false));
        Assert.NotNull(await store.GetAsync(otherTenant, preview: false));
    }
}
