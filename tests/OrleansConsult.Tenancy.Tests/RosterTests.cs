using System.Text.Json.Nodes;

namespace OrleansConsult.Tenancy.Tests;

/// <summary>The roster as enrollment reads it: who belongs to which tenant or pool, and optional file codes.</summary>
public sealed class RosterTests
{
    [Fact]
    public void A_program_without_enrollment_codes_loads_and_no_empty_code_finds_anyone()
    {
        var json = JsonNode.Parse(File.ReadAllText(Sample.Path), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        foreach (var staff in json["Program"]!["Tenants"]!.AsObject().SelectMany(t => t.Value!["Counselors"]!.AsObject())
                     .Concat(json["Program"]!["NursePools"]!.AsObject().SelectMany(p => p.Value!["Nurses"]!.AsObject())))
        {
            staff.Value!.AsObject().Remove("EnrollmentCode");
        }

        var program = ProgramConfigurationLoader.FromJson(json.ToJsonString());

        Assert.Equal(0, program.EnrollmentCodeCount);
        Assert.Equal(9, Sample.Program.EnrollmentCodeCount);
        Assert.All(program.AllStaff, s => Assert.Null(s.EnrollmentCode));
        Assert.Null(program.FindStaffByEnrollmentCode(""));
        Assert.Null(program.FindStaffByEnrollmentCode("  "));
    }

    [Fact]
    public void A_roster_member_is_found_only_under_her_own_tenant_or_pool()
    {
        var program = Sample.Program;
        Assert.Equal("tym-c01", program.FindRosterMember("toyama", "TYM-C01")?.Id);
        Assert.Equal("nat-n01", program.FindRosterMember("national", "nat-n01")?.Id);
        Assert.Null(program.FindRosterMember("shizuoka-city", "tym-c01"));
        Assert.Null(program.FindRosterMember("national", "tym-c01"));
        Assert.Null(program.FindRosterMember("nowhere", "tym-c01"));
    }
}
