using System.Text;
using OrleansConsult.Abstractions;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TranscriptStoreTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private Task<Database> DatabaseAsync(string mode) => postgres.MigratedDatabaseAsync(mode, _data.Path);

    private static SqlTranscriptStore Store(Database database, string keyRing) => new(database, new PayloadProtector(keyRing));

    private static TranscriptEntry Entry(string caseId, string entryId, string text, int minute, TranscriptAuthor author = TranscriptAuthor.Consultee) =>
        new(caseId, "tenant-a", entryId, Now.AddMinutes(minute), author, text);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Entries_are_read_back_in_append_order(string mode)
    {
        var store = Store(await DatabaseAsync(mode), PayloadProtector.NewKeyRingEntry("k1"));
        // Appended out of time order: the read follows append order, not At.
        TranscriptEntry[] entries =
        [
            Entry("case-1", "ev-03", "こんにちは。相談したいことがあります。", 2),
            Entry("case-1", "ev-01", "担当の相談員です。どうされましたか？", 0, TranscriptAuthor.Counselor),
            Entry("case-1", "ev-02", "ご相談ありがとうございます 🙏", 1, TranscriptAuthor.Bot),
        ];
        foreach (var entry in entries)
        {
            Assert.True(await store.AppendAsync(entry));
        }

        var read = await store.ReadAsync("case-1");

        Assert.Equal(entries, read);
        Assert.Equal(TimeSpan.Zero, read[0].At.Offset);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_same_entry_twice_is_stored_once(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = Store(database, PayloadProtector.NewKeyRingEntry("k1"));
        var entry = Entry("case-1", "ev-01", "同じメッセージ", 0);

        Assert.True(await store.AppendAsync(entry));
        Assert.False(await store.AppendAsync(entry with { Text = "再送" }));

        Assert.Equal([entry], await store.ReadAsync("case-1"));
        Assert.Equal(1L, await CountRowsAsync(database));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Concurrent_appends_of_many_cases_are_all_stored_once_in_each_cases_order(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = Store(database, PayloadProtector.NewKeyRingEntry("k1"));
        // 40 cases appending at once (they share multi-row statements), each in its own order, one entry sent twice.
        var perCase = Enumerable.Range(0, 40).Select(c => Enumerable.Range(0, 10)
            .Select(m => Entry($"case-{c}", $"ev-{m:D2}", $"相談 {c}-{m}", m)).ToList()).ToList();
        var stored = await Task.WhenAll(perCase.Select(entries => Task.Run(async () =>
        {
            var results = new List<bool>();
            foreach (var entry in entries)
            {
                results.Add(await store.AppendAsync(entry));
            }
            results.Add(await store.AppendAsync(entries[3] with { Text = "再送" }));
            return results;
        })));

        Assert.All(stored, results => Assert.Equal([.. Enumerable.Repeat(true, 10), false], results));
        foreach (var entries in perCase)
        {
            Assert.Equal(entries, await store.ReadAsync(entries[0].CaseId));
        }
        Assert.Equal(400L, await CountRowsAsync(database));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Cases_are_kept_apart(string mode)
    {
        var store = Store(await DatabaseAsync(mode), PayloadProtector.NewKeyRingEntry("k1"));
        var a1 = Entry("case-a", "ev-01", "Aさんの相談", 0);
        var b1 = Entry("case-b", "ev-01", "Bさんの相談", 1) with { TenantId = "tenant-b" }; // same entry id, other case
        var a2 = Entry("case-a", "ev-02", "Aさんの続き", 2);
        foreach (var entry in new[] { a1, b1, a2 })
        {
            Assert.True(await store.AppendAsync(entry));
        }

        Assert.Equal([a1, a2], await store.ReadAsync("case-a"));
        Assert.Equal([b1], await store.ReadAsync("case-b"));
        Assert.Empty(await store.ReadAsync("case-c"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Entries_written_before_a_key_rotation_still_open(string mode)
    {
        var database = await DatabaseAsync(mode);
        var k1 = PayloadProtector.NewKeyRingEntry("k1");
        var k2 = PayloadProtector.NewKeyRingEntry("k2");
        var old = Entry("case-1", "ev-01", "鍵を替える前の相談", 0);
        Assert.True(await Store(database, k1).AppendAsync(old));

        // The first key of the ring encrypts; every key decrypts.
        var rotated = Store(database, $"{k2};{k1}");
        var fresh = Entry("case-1", "ev-02", "鍵を替えた後の相談", 1);
        Assert.True(await rotated.AppendAsync(fresh));

        Assert.Equal([old, fresh], await rotated.ReadAsync("case-1"));
        // The new row really is sealed with k2: a ring without k2 cannot open it.
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Store(database, k1).ReadAsync("case-1"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task No_column_holds_the_text_in_clear(string mode)
    {
        var database = await DatabaseAsync(mode);
        var store = Store(database, PayloadProtector.NewKeyRingEntry("k1"));
        const string Japanese = "家族のことで悩んでいます";
        const string Marker = "PLAINTEXT-MARKER-7f3a";
        await store.AppendAsync(Entry("case-1", "ev-01", $"{Japanese} {Marker}", 0));
        await store.AppendAsync(Entry("case-1", "ev-02", Marker, 1));

        var cells = new List<byte[]>();
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM oc_transcript";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    cells.Add(value as byte[] ?? Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                }
            }
        }

        Assert.Equal(2 * 7, cells.Count);
        foreach (var needle in new[] { Encoding.UTF8.GetBytes(Japanese), Encoding.UTF8.GetBytes(Marker) })
        {
            Assert.DoesNotContain(cells, cell => cell.AsSpan().IndexOf(needle) >= 0);
        }
        Assert.Equal(Japanese + " " + Marker, (await store.ReadAsync("case-1"))[0].Text);
    }

    private static async Task<long> CountRowsAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM oc_transcript";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
