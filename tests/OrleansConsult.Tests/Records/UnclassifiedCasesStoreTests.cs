using OrleansConsult.Abstractions.Records;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Records;

/// <summary>The supervisor's list of a tenant's closed, unclassified cases, on SQLite and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UnclassifiedCasesStoreTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Only_closed_unclassified_cases_of_the_tenant_closed_before_the_cutoff_are_listed_oldest_first(string mode)
    {
        var store = new SqlCaseRecordStore(await postgres.MigratedDatabaseAsync(mode, _data.Path));
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(9));
        CaseRecord Line(string id, string tenant = "toyama") => new(id, tenant, "line:" + id, CaseChannels.Line, at, TimeBands.WithinHours);
        foreach (var id in new[] { "late", "early", "classified", "open", "tomorrow" }) await store.OpenedAsync(Line(id));
        await store.OpenedAsync(Line("other", "shizuoka-city"));
        await store.ClosedAsync("late", at.AddHours(2));
        await store.ClosedAsync("early", at.AddHours(1));
        await store.ClosedAsync("classified", at.AddHours(1));
        await store.ClassifyAsync("classified", new CaseClassification(["避妊"], null, null, []));
        await store.ClosedAsync("tomorrow", at.AddDays(1));
        await store.ClosedAsync("other", at.AddHours(1));

        var listed = await store.UnclassifiedAsync("toyama", at.AddHours(12));
        Assert.Equal(["early", "late"], listed.Select(r => r.CaseId));
        Assert.All(listed, r => Assert.Null(r.Classification));
        Assert.Equal(["early"], (await store.UnclassifiedAsync("toyama", at.AddHours(12), max: 1)).Select(r => r.CaseId));
        Assert.Equal(["other"], (await store.UnclassifiedAsync("shizuoka-city", at.AddDays(2))).Select(r => r.CaseId));
    }
}
