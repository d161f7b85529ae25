using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Host;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.ProgramEditing;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Programs;

/// <summary>
/// A program change and its audit row are one transaction, on the embedded SQLite file and on PostgreSQL:
/// saved together (the hash chain intact), and when the audit insert fails the version does not land either
/// and no silo is told about it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgramChangeAuditTransactionTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private static string SampleJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json"));

    private sealed record Setup(Database Database, SqlProgramVersionStore Store, SqlAuditLog Audit, ProgramEditor Editor, LocalProgramPublisher Publisher);

    private async Task<Setup> StartAsync(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var store = new SqlProgramVersionStore(database);
        var inUse = new ProgramInUse(new ProgramDirectory(ProgramConfigurationLoader.FromJson(SampleJson)));
        await new ProgramStartup(store, inUse, new ProgramImportSource(SampleJson, "program.sample.json"), _clock, NullLogger<ProgramStartup>.Instance)
            .StartAsync(CancellationToken.None);
        var audit = new SqlAuditLog(database, _clock);
        var publisher = new LocalProgramPublisher(inUse);
        return new Setup(database, store, audit, new ProgramEditor(store, publisher, new ConsoleProgramChangeAudit(audit), _clock), publisher);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_saved_change_has_its_audit_row_in_the_same_commit_and_the_chain_holds(string mode)
    {
        var s = await StartAsync(mode);
        await s.Audit.AppendAsync(new AuditEntry("someone@example.jp", "sign-in"));

        var result = await s.Editor.SetStaffActiveAsync("tym-c01", false, new ProgramEditContext("admin@example.jp", "休職"));

        Assert.Equal(2, result.Version);
        var rows = await s.Audit.QueryAsync(new AuditFilter { Action = ConsoleProgramChangeAudit.Action });
        var row = Assert.Single(rows);
        Assert.Equal("admin@example.jp", row.Actor);
        Assert.StartsWith("版 2: ", row.Target);
        Assert.Equal("toyama", row.Tenant);
        Assert.Contains("\"Active\": false", row.AfterJson);
        var all = new List<AuditRecord>();
        await foreach (var record in s.Audit.ReadAllAsync())
        {
            all.Add(record);
        }
        Assert.Equal([1L, 2L], all.Select(r => r.Seq));
        Assert.Null(AuditChain.FirstBroken(all));
        Assert.Equal([2], s.Publisher.Published);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task When_the_audit_insert_fails_the_version_does_not_land_and_no_silo_is_told(string mode)
    {
        var s = await StartAsync(mode);
        // A real failure of the audit insert: its table is gone for the moment.
        await ExecuteAsync(s.Database, "ALTER TABLE oc_audit_log RENAME TO oc_audit_log_away");

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            s.Editor.SetStaffActiveAsync("tym-c01", false, new ProgramEditContext("admin@example.jp", null)));

        await ExecuteAsync(s.Database, "ALTER TABLE oc_audit_log_away RENAME TO oc_audit_log");
        Assert.Equal(1, (await s.Store.CurrentAsync())!.Number);
        Assert.Null(await s.Store.GetAsync(2));
        Assert.Empty(s.Publisher.Published);
        Assert.Empty(await s.Audit.QueryAsync(new AuditFilter()));

        // The same edit goes through once the audit log is back, as version 2 with its row.
        Assert.Equal(2, (await s.Editor.SetStaffActiveAsync("tym-c01", false, new ProgramEditContext("admin@example.jp", null))).Version);
        Assert.Single(await s.Audit.QueryAsync(new AuditFilter { Action = ConsoleProgramChangeAudit.Action }));
    }

    private static async Task ExecuteAsync(Database database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
