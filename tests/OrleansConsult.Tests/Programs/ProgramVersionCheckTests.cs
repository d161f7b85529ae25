using Microsoft.Extensions.Logging.Abstractions;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Host;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Programs;

/// <summary>The safety net: a silo that missed a version's message loads it from the table within its interval.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgramVersionCheckTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_version_saved_without_a_message_is_in_use_after_the_next_check_and_an_older_one_never_comes_back()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json"));
        var store = new SqlProgramVersionStore(await postgres.MigratedDatabaseAsync("postgres", _data.Path));
        await store.AddAsync(new ProgramVersion(1, json, "import", DateTimeOffset.UtcNow, null));
        var inUse = new ProgramInUse(new ProgramDirectory(ProgramConfigurationLoader.FromJson(json)));
        using var check = new ProgramVersionCheck(store, inUse, TimeSpan.FromMilliseconds(100), NullLogger<ProgramVersionCheck>.Instance);
        await check.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(inUse.Version == 1), TimeSpan.FromSeconds(10)));
            var edited = json.Replace("\"MaxConcurrentCases\": 2, \"EnrollmentCode\": \"TYM-4K7Q-9M2X\"",
                "\"MaxConcurrentCases\": 2, \"Active\": false, \"EnrollmentCode\": \"TYM-4K7Q-9M2X\"", StringComparison.Ordinal);
            Assert.NotEqual(json, edited);
            await store.AddAsync(new ProgramVersion(2, edited, "other-silo", DateTimeOffset.UtcNow, null));

            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(!inUse.Directory.MayTakeOffersFrom("tym-c01", "tenant:toyama")), TimeSpan.FromSeconds(10)));
            Assert.Equal(2, inUse.Version);
            Assert.False(inUse.Apply(new ProgramVersion(1, json, "late message", DateTimeOffset.UtcNow, null)));
            Assert.False(inUse.Directory.MayTakeOffersFrom("tym-c01", "tenant:toyama"));
        }
        finally
        {
            await check.StopAsync(CancellationToken.None);
        }
    }
}
