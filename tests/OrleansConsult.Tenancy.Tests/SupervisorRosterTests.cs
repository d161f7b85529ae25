namespace OrleansConsult.Tenancy.Tests;

/// <summary>Supervisors (スーパーバイザー) in the roster: "Role": "Supervisor", and "TakesCases" only for them.</summary>
public class SupervisorRosterTests
{
    private const string Program = """
        { "Program": {
            "Tenants": { "t": {
              "DisplayName": "T県", "Kind": "Prefecture", "EntryCode": "PR-T",
              "Areas": [ "T県" ],
              "Hours": [ { "Days": [ "Mon" ], "Start": "09:00", "End": "17:00" } ],
              "Counselors": {
                "t-c1": { "DisplayName": "ゆず", "Role": "Counselor" },
                "t-sv": { "DisplayName": "まき", "Role": "Supervisor" },
                "t-sv2": { "DisplayName": "なお", "Role": "Supervisor", "TakesCases": true }
              } } },
            "NursePools": { "p": {
              "Name": "看護師窓口", "Tenants": "all",
              "Hours": [ { "Days": [ "Mon" ], "Start": "18:00", "End": "22:00" } ],
              "Nurses": { "p-sv": { "DisplayName": "ちか", "Role": "Supervisor" } } } } } }
        """;

    [Fact]
    public void A_supervisor_takes_no_cases_unless_her_entry_says_so_and_everyone_else_does()
    {
        var program = ProgramConfigurationLoader.FromJson(Program);
        StaffMember Staff(string id) => program.AllStaff.Single(s => s.Id == id);
        Assert.True(Staff("t-c1").TakesCases);
        Assert.False(Staff("t-c1").Supervises);
        Assert.False(Staff("t-sv").TakesCases);
        Assert.True(Staff("t-sv").Supervises);
        Assert.True(Staff("t-sv2").TakesCases);
        Assert.Equal("pool:p", Staff("p-sv").DispatcherKey);
        Assert.Equal(StaffRole.Supervisor, Staff("p-sv").Role);
    }

    [Fact]
    public void TakesCases_false_on_a_counselor_is_refused_with_its_path()
    {
        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(
            Program.Replace("\"Role\": \"Counselor\" }", "\"Role\": \"Counselor\", \"TakesCases\": false }", StringComparison.Ordinal)));
        Assert.Contains(error.Errors, e => e.StartsWith("Program:Tenants:t:Counselors:t-c1:TakesCases may be false only for a Supervisor", StringComparison.Ordinal));
    }
}
