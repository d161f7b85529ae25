using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Host;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Programs;

/// <summary>
/// The program table on the embedded SQLite file and on a real PostgreSQL server: the first start imports
/// the configured file, edits become numbered versions with their author, the history can be compared
/// and restored, and an invalid edit is refused in Japanese without saving anything.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgramVersionTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private static string SampleJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json"));

    private sealed record Setup(SqlProgramVersionStore Store, ProgramInUse InUse, ProgramEditor Editor, LocalProgramPublisher Publisher, RecordingProgramChangeAudit Audit);

    /// <summary>A migrated database, started as the Host starts: the sample file imported, version 1 in use.</summary>
    private async Task<Setup> StartAsync(string mode)
    {
        var store = new SqlProgramVersionStore(await postgres.MigratedDatabaseAsync(mode, _data.Path));
        var inUse = new ProgramInUse(new ProgramDirectory(ProgramConfigurationLoader.FromJson(SampleJson)));
        await new ProgramStartup(store, inUse, new ProgramImportSource(SampleJson, "program.sample.json"), _clock, NullLogger<ProgramStartup>.Instance)
            .StartAsync(CancellationToken.None);
        var publisher = new LocalProgramPublisher(inUse);
        var audit = new RecordingProgramChangeAudit();
        return new Setup(store, inUse, new ProgramEditor(store, publisher, audit, _clock), publisher, audit);
    }

    private static ProgramEditContext By(string author, int? basedOn = null) => new(author, "テスト", basedOn);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_first_start_imports_the_file_as_version_1_and_later_starts_take_the_database_as_the_truth(string mode)
    {
        var s = await StartAsync(mode);
        var first = await s.Store.CurrentAsync();
        Assert.Equal(1, first!.Number);
        Assert.Equal(SampleJson, first.Json); // the file as written, comments included
        Assert.Equal(ProgramStartup.ImportAuthor, first.Author);
        Assert.Equal(Now, first.CreatedAt);
        Assert.Equal(1, s.InUse.Version);

        Assert.True((await s.Editor.SetStaffActiveAsync("tym-c01", false, By("admin@example.jp"))).Saved);

        // A restart with another file: nothing is imported, the saved version 2 is in use.
        var restarted = new ProgramInUse(new ProgramDirectory(ProgramConfigurationLoader.FromJson(SampleJson)));
        var otherFile = SampleJson.Replace("富山県", "別の県", StringComparison.Ordinal);
        await new ProgramStartup(s.Store, restarted, new ProgramImportSource(otherFile, "other.json"), _clock, NullLogger<ProgramStartup>.Instance)
            .StartAsync(CancellationToken.None);
        Assert.Equal(2, restarted.Version);
        Assert.False(restarted.Directory.MayTakeOffersFrom("tym-c01", "tenant:toyama"));
        Assert.Equal("富山県", restarted.Directory.Tenant("toyama")!.DisplayName);
        Assert.Equal([2, 1], (await s.Store.ListAsync(10)).Select(v => v.Number));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Two_saves_on_the_same_version_cannot_both_take_its_number(string mode)
    {
        var s = await StartAsync(mode);
        var json = (await s.Store.CurrentAsync())!.Json;
        Assert.True(await s.Store.AddAsync(new ProgramVersion(2, json, "a@example.jp", Now, null)));
        Assert.False(await s.Store.AddAsync(new ProgramVersion(2, json + " ", "b@example.jp", Now, "後から")));
        Assert.Equal("a@example.jp", (await s.Store.GetAsync(2))!.Author);
        Assert.Equal(2, await s.Store.CurrentNumberAsync());
        Assert.Null(await s.Store.GetAsync(3));

        // An editor shown version 1 is told someone else saved in between, and saves nothing.
        var refused = await s.Editor.ReplaceAsync(json, By("c@example.jp", basedOn: 1));
        Assert.Contains("別の変更（版 2）", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal(2, await s.Store.CurrentNumberAsync());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Edits_become_versions_with_their_author_and_can_be_compared_exported_and_restored(string mode)
    {
        var s = await StartAsync(mode);
        var hours = new JsonArray(
            new JsonObject { ["Days"] = new JsonArray("Mon", "Tue"), ["Start"] = "09:00", ["End"] = "12:00" },
            new JsonObject { ["Days"] = new JsonArray("Mon", "Tue"), ["Start"] = "13:00", ["End"] = "17:00" },
            new JsonObject { ["Days"] = new JsonArray("Fri"), ["Start"] = "22:00", ["End"] = "02:00" });
        var saved = await s.Editor.SetAsync("tenant:toyama", new Dictionary<string, JsonNode?> { ["Hours"] = hours }, By("admin@example.jp"));
        Assert.Equal(2, saved.Version);

        // In use at once, split and past-midnight windows included.
        var schedule = new ConsultationSchedule(s.InUse.Directory.Tenant("toyama")!.Schedule);
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(9)))); // Tue 10:00
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.FromHours(9))));
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.FromHours(9)))); // Sat 01:00, from Fri 22:00

        var change = Assert.Single(s.Audit.Changes);
        Assert.Equal((2, "admin@example.jp", "自治体「toyama」の受付時間"), (change.Version, change.Author, change.Subject));
        Assert.Contains("\"22:00\"", change.After, StringComparison.Ordinal);
        Assert.DoesNotContain("\"22:00\"", change.Before, StringComparison.Ordinal);

        // Export is the file format the Host imports; the diff shows what changed.
        var exported = await s.Editor.ExportAsync();
        Assert.Equal(2, ProgramConfigurationLoader.FromJson(exported!).FindTenant("toyama")!.Schedule.Weekly.Count(w => w.Day == DayOfWeek.Tuesday));
        var diff = (await s.Editor.DiffAsync(1, 2))!;
        Assert.Contains(diff, l => l.Kind == '+' && l.Text.Contains("\"22:00\"", StringComparison.Ordinal));
        Assert.Contains(diff, l => l.Kind == '-' && l.Text.Contains("\"Thu\"", StringComparison.Ordinal));
        Assert.DoesNotContain(diff, l => l.Kind != ' ' && l.Text.Contains("静岡市", StringComparison.Ordinal));

        // Restoring version 1 saves it again as version 3; the history keeps all three.
        var restored = await s.Editor.RestoreAsync(1, By("national@example.jp"));
        Assert.Equal(3, restored.Version);
        Assert.Equal(SampleJson, (await s.Store.GetAsync(3))!.Json);
        Assert.Equal(3, s.InUse.Version);
        Assert.Equal(["national@example.jp", "admin@example.jp", ProgramStartup.ImportAuthor], (await s.Editor.HistoryAsync()).Select(v => v.Author));
        Assert.Equal("版 1 に戻す", s.Audit.Changes.Last().Subject);

        // Saving what is already in use adds no version.
        Assert.False((await s.Editor.RestoreAsync(3, By("national@example.jp"))).Saved);
        Assert.Equal(3, await s.Store.CurrentNumberAsync());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Staff_are_added_edited_deactivated_and_moved_at_once(string mode)
    {
        var s = await StartAsync(mode);
        var d = s.InUse.Directory;
        Assert.True((await s.Editor.SaveStaffAsync("tenant:toyama", "tym-c09", new StaffEntry("相談員 ゆき", "Counselor", 3, true), By("admin@example.jp"))).Saved);
        Assert.True(d.MayTakeOffersFrom("tym-c09", "tenant:toyama"));
        Assert.Equal(3, d.Staff("tym-c09")!.MaxConcurrentCases);

        // Editing keeps her other settings (the sample's enrollment code).
        Assert.True((await s.Editor.SaveStaffAsync("tenant:toyama", "tym-c01", new StaffEntry("相談員 さくら", "Counselor", 1, true), By("admin@example.jp"))).Saved);
        Assert.Equal("TYM-4K7Q-9M2X", d.Staff("tym-c01")!.EnrollmentCode);
        Assert.Equal(1, d.Staff("tym-c01")!.MaxConcurrentCases);

        Assert.True((await s.Editor.SetStaffActiveAsync("tym-c09", false, By("admin@example.jp"))).Saved);
        Assert.False(d.MayTakeOffersFrom("tym-c09", "tenant:toyama"));

        Assert.True((await s.Editor.MoveStaffAsync("tym-c02", "tenant:shizuoka-city", By("admin@example.jp"))).Saved);
        Assert.False(d.MayTakeOffersFrom("tym-c02", "tenant:toyama"));
        Assert.True(d.MayTakeOffersFrom("tym-c02", "tenant:shizuoka-city"));
        Assert.Equal(["tym-c01", "tym-c09", "tym-m01", "tym-m02"], d.Tenant("toyama")!.Counselors.Select(c => c.Id));

        // The same id under another roster is refused: a move is a move.
        var twice = await s.Editor.SaveStaffAsync("pool:national", "tym-c01", new StaffEntry("看護師", "Nurse", 1, true), By("admin@example.jp"));
        Assert.Contains("すでに tenant:toyama の名簿にあります", Assert.Single(twice.Errors), StringComparison.Ordinal);
        Assert.Equal(5, await s.Store.CurrentNumberAsync());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_invalid_edit_is_refused_with_every_reason_in_Japanese_and_nothing_is_saved(string mode)
    {
        var s = await StartAsync(mode);
        var hours = new JsonArray(
            new JsonObject { ["Days"] = new JsonArray("水"), ["Start"] = "10:00", ["End"] = "10:00" },
            new JsonObject { ["Days"] = new JsonArray("Funday"), ["Start"] = "25:00", ["End"] = "12:00" });
        var refused = await s.Editor.SetAsync("tenant:toyama", new Dictionary<string, JsonNode?> { ["Hours"] = hours, ["OverflowTo"] = "kyushu" }, By("admin@example.jp"));

        Assert.False(refused.Saved);
        Assert.Equal(
        [
            "自治体「toyama」 › 受付時間 1件目 › 終了 は開始と違う時刻にしてください",
            "自治体「toyama」 › 受付時間 2件目 › 曜日 1件目 は曜日（月〜日、または Mon〜Sun）で入力してください",
            "自治体「toyama」 › 受付時間 2件目 › 開始 は時刻（例: 09:00、24:00 まで）で入力してください",
            "自治体「toyama」 › 引き継ぎ先（看護師プール） の看護師プール「kyushu」は登録されていません（登録済み: national）",
        ], refused.Errors.Order(StringComparer.Ordinal));

        // A tenant admin (scoped) is told a value is taken, never where: no other tenant's settings in a refusal.
        var taken = await s.Editor.SetAsync("tenant:toyama", new Dictionary<string, JsonNode?> { ["EntryCode"] = "PR-SHIZUOKA-CITY" },
            new ProgramEditContext("toyama-admin@example.jp", Scoped: true));
        Assert.Equal("入口コード「PR-SHIZUOKA-CITY」はほかの窓口ですでに使われています。別の値にしてください", Assert.Single(taken.Errors));
        var staffTaken = await s.Editor.SaveStaffAsync("tenant:toyama", "szo-c01", new StaffEntry("相談員", "Counselor", 2, true),
            new ProgramEditContext("toyama-admin@example.jp", Scoped: true));
        Assert.DoesNotContain("shizuoka", Assert.Single(staffTaken.Errors), StringComparison.Ordinal);

        var broken = await s.Editor.ReplaceTenantAsync("toyama", "{ \"DisplayName\": ", By("admin@example.jp"));
        Assert.StartsWith("自治体「toyama」 が JSON として読めません", Assert.Single(broken.Errors), StringComparison.Ordinal);
        Assert.Equal(1, await s.Store.CurrentNumberAsync());
        Assert.Empty(s.Audit.Changes);
        Assert.Empty(s.Publisher.Published);
        Assert.True(s.InUse.Directory.MayTakeOffersFrom("tym-c01", "tenant:toyama"));
    }
}
