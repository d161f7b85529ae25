namespace OrleansConsult.Testing;

/// <summary>
/// A program of one area, 全日県, open around the clock (holidays and year-end too), for runs that
/// must not depend on the time of day: counselors "{prefix}-c001"… enroll with "{PREFIX}-C001"….
/// Shared by the tests and the load generator (linked into both projects).
/// </summary>
public static class AllDayProgram
{
    public const string Area = "全日県";

    /// <summary>The one tenant's dispatcher.</summary>
    public const string DispatcherKey = "tenant:all";

    public static string EnrollmentCode(string prefix, int counselor) => $"{prefix}-C{counselor:000}";

    public static string CounselorId(string prefix, int counselor) => $"{prefix.ToLowerInvariant()}-c{counselor:000}";

    /// <summary>Writes program.json into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, string prefix, int counselors, int casesEach)
    {
        var list = string.Join(",", Enumerable.Range(1, counselors).Select(i =>
            $$"""
            "{{CounselorId(prefix, i)}}": { "DisplayName": "相談員{{i}}", "Role": "Counselor", "MaxConcurrentCases": {{casesEach}}, "EnrollmentCode": "{{EnrollmentCode(prefix, i)}}" }
            """));
        var json = $$"""
            { "Program": { "Tenants": { "all": {
                "DisplayName": "{{Area}}", "Kind": "Prefecture", "EntryCode": "PR-ALL",
                "Areas": [ { "Name": "{{Area}}", "Aliases": [] } ],
                "Hours": [ { "Days": [ "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" ], "Start": "00:00", "End": "24:00" } ],
                "ClosedOnPublicHolidays": false, "ClosedYearEnd": false,
                "Phones": [ { "Label": "窓口", "Number": "0120-000-000", "HoursText": "24時間" } ],
                "OfferTimeout": "00:10:00",
                "Counselors": { {{list}} } } },
              "NursePools": {} } }
            """;
        var path = Path.Combine(folder, "program.json");
        File.WriteAllText(path, json);
        return path;
    }
}
