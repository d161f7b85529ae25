using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

public class ProgramConfigurationLoaderTests
{
    [Fact]
    public void Sample_file_loads_and_validates()
    {
        var program = ProgramConfigurationLoader.FromFile(Sample.Path);

        Assert.Equal(["shizuoka-city", "toyama"], program.Tenants.Select(t => t.Id).Order());
        var toyama = program.FindTenant("toyama")!;
        Assert.Equal(TenantKind.Prefecture, toyama.Kind);
        Assert.Equal("national", toyama.OverflowTo);
        Assert.Equal(TimeSpan.FromMinutes(3), toyama.Timeouts.MaxWaitBeforeOverflow);
        Assert.Contains(toyama.Counselors, c => c.Role == StaffRole.Midwife);
        Assert.Equal(2, toyama.Counselors.Single(c => c.Id == "tym-c02").MaxConcurrentCases); // default
        Assert.True(program.FindPool("national")!.Covers("toyama"));
        Assert.Equal("tym-m01", program.FindStaffByEnrollmentCode("tym-2w5n-7h4c")?.Id);
        Assert.Equal("tenant:toyama", program.FindStaffByEnrollmentCode("TYM-2W5N-7H4C")?.DispatcherKey);
        Assert.Equal("pool:national", program.FindStaffByEnrollmentCode("NAT-9B1H-5E3U")?.DispatcherKey);
        Assert.Contains(program.Crisis.EmergencyContacts, c => c.Number == "189");
        Assert.Equal("破水", program.Crisis.FindCrisisWord("さっき破水したかも"));
        Assert.Null(program.Crisis.FindCrisisWord("こんにちは"));
    }

    [Fact]
    public void Defaults_apply_when_settings_are_left_out()
    {
        var program = ProgramConfigurationLoader.FromJson(Minimal().ToJsonString());
        var tenant = program.Tenants.Single();
        Assert.Equal(ConsultationTimeouts.Default, tenant.Timeouts);
        Assert.True(tenant.Schedule.ClosedOnPublicHolidays);
        Assert.True(tenant.Schedule.ClosedYearEnd);
        Assert.Null(tenant.OverflowTo);
        Assert.Equal(CrisisSettings.DefaultWords, program.Crisis.Words);
        Assert.Equal(4, program.Crisis.EmergencyContacts.Count);
    }

    [Fact]
    public void Retention_is_five_years_unless_the_tenant_says_otherwise()
    {
        var json = Minimal();
        Assert.Equal(5, ProgramConfigurationLoader.FromJson(json.ToJsonString()).Tenants.Single().RetentionYears);
        Assert.Equal(5, ProgramConfigurationLoader.FromFile(Sample.Path).FindTenant("toyama")!.RetentionYears);

        json["Program"]!["Tenants"]!["toyama"]!["RetentionYears"] = 10;
        var tenant = ProgramConfigurationLoader.FromJson(json.ToJsonString()).Tenants.Single();
        Assert.Equal(10, tenant.RetentionYears);
        var now = new DateTimeOffset(2036, 2, 29, 12, 0, 0, TimeSpan.FromHours(9));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.FromHours(9)), tenant.RetentionCutoff(now));
    }

    [Fact]
    public void Configuration_section_is_read_and_can_be_overridden()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Sample.Path)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Program:Tenants:toyama:MaxWaitBeforeOverflow"] = "00:10:00", // as an environment variable would
            })
            .Build();

        var program = ProgramConfigurationLoader.FromConfiguration(configuration.GetSection("Program"));
        Assert.Equal(TimeSpan.FromMinutes(10), program.FindTenant("toyama")!.Timeouts.MaxWaitBeforeOverflow);
    }

    [Fact]
    public void Hours_past_midnight_run_into_the_next_day()
    {
        var json = Minimal();
        json["Program"]!["Tenants"]!["toyama"]!["Hours"] = System.Text.Json.Nodes.JsonNode.Parse(
            """[ { "Days": [ "Sat" ], "Start": "22:00", "End": "02:00" } ]""");
        var weekly = ProgramConfigurationLoader.FromJson(json.ToJsonString()).FindTenant("toyama")!.Schedule.Weekly;

        Assert.Equal([new DailyWindow(DayOfWeek.Saturday, TimeSpan.FromHours(22), TimeSpan.FromHours(24)),
                      new DailyWindow(DayOfWeek.Sunday, TimeSpan.Zero, TimeSpan.FromHours(2))], weekly);
    }

    [Fact]
    public void Json_without_the_program_wrapper_is_accepted()
    {
        var inner = Minimal()["Program"]!.DeepClone();
        Assert.Single(ProgramConfigurationLoader.FromJson(inner.ToJsonString()).Tenants);
    }

    [Theory]
    [InlineData("Hours:0:Start", "9時", "Program:Tenants:toyama:Hours:0:Start is not a time (HH:mm)")]
    [InlineData("Hours:0:End", "25:00", "Program:Tenants:toyama:Hours:0:End is not a time (HH:mm)")]
    [InlineData("Hours:0:End", "09:00", "Program:Tenants:toyama:Hours:0:End must differ from Start")]
    [InlineData("Hours:0:Days:0", "Tuesdy", "Program:Tenants:toyama:Hours:0:Days:0 is not a day of the week (Mon…Sun or 月…日)")]
    [InlineData("Kind", "Village", "Program:Tenants:toyama:Kind is not one of Prefecture, DesignatedCity, CoreCity")]
    [InlineData("DisplayName", "", "Program:Tenants:toyama:DisplayName is required")]
    [InlineData("OfferTimeout", "soon", "Program:Tenants:toyama:OfferTimeout is not a positive duration ([d.]hh:mm:ss, e.g. 00:03:00)")]
    [InlineData("IdleWarnAfter", "02:00:00", "Program:Tenants:toyama:IdleWarnAfter must be shorter than IdleCloseAfter")]
    [InlineData("ClosedOnPublicHolidays", "maybe", "Program:Tenants:toyama:ClosedOnPublicHolidays is not true or false")]
    [InlineData("ClosedDays:0", "2026/11/03", "Program:Tenants:toyama:ClosedDays:0 is not a date (yyyy-MM-dd)")]
    [InlineData("Counselors:tym-c01:MaxConcurrentCases", "0", "Program:Tenants:toyama:Counselors:tym-c01:MaxConcurrentCases is not a whole number of at least 1")]
    [InlineData("Counselors:tym-c01:Role", "Doctor", "Program:Tenants:toyama:Counselors:tym-c01:Role is not one of Counselor, Midwife, Nurse, PublicHealthNurse, Supervisor")]
    [InlineData("OverflowTo", "nowhere", "Program:Tenants:toyama:OverflowTo names nurse pool 'nowhere', which is not configured (known: national)")]
    [InlineData("RetentionYears", "0", "Program:Tenants:toyama:RetentionYears is not a whole number of at least 1")]
    [InlineData("RetentionYears", "5年", "Program:Tenants:toyama:RetentionYears is not a whole number of at least 1")]
    [InlineData("RetentionYears", "1825", "Program:Tenants:toyama:RetentionYears is more than 30 years; write whole years (e.g. 5)")]
    public void A_bad_setting_is_reported_by_its_path(string setting, string value, string expected)
    {
        var json = WithPool(Minimal());
        Set(json, "Program:Tenants:toyama:" + setting, value);
        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(json.ToJsonString()));
        Assert.Equal([expected], error.Errors);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Overlapping_hours_are_reported()
    {
        var json = Minimal();
        ((JsonArray)json["Program"]!["Tenants"]!["toyama"]!["Hours"]!).Add(
            new JsonObject { ["Day"] = "火", ["Start"] = "12:00", ["End"] = "15:00" });
        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(json.ToJsonString()));
        Assert.Equal(["Program:Tenants:toyama:Hours has overlapping windows on Tuesday (09:00-13:00 and 12:00-15:00)"], error.Errors);
    }

    [Fact]
    public void Cross_references_and_unique_codes_are_checked_and_every_problem_is_listed()
    {
        var json = WithPool(Minimal());
        var program = json["Program"]!;
        var second = program["Tenants"]!["toyama"]!.DeepClone();
        second["Counselors"] = new JsonObject
        {
            ["tym-c01"] = new JsonObject { ["DisplayName"] = "x", ["Role"] = "Counselor", ["EnrollmentCode"] = "OTHER-CODE" },
        };
        program["Tenants"]!["Bad_Id"] = second;
        program["NursePools"]!["national"]!["Tenants"] = new JsonArray("toyama", "osaka");
        program["NursePools"]!["national"]!["Nurses"]!["nat-n01"]!["EnrollmentCode"] = "TYM-CODE-0001";

        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(program.ToJsonString()));

        Assert.Contains("Program:Tenants:Bad_Id id is not a slug (lower-case letters, digits and single hyphens, e.g. toyama or tym-c01)", error.Errors);
        Assert.Contains("Program:Tenants:Bad_Id:OverflowTo names nurse pool 'national', which does not cover this tenant", error.Errors);
        Assert.Contains("Program:NursePools:national:Tenants:1 names tenant 'osaka', which is not configured", error.Errors);
        Assert.Contains("Program:Tenants:toyama:Counselors:tym-c01 repeats the staff id 'tym-c01' already used at Program:Tenants:Bad_Id:Counselors:tym-c01", error.Errors);
        Assert.Contains("Program:NursePools:national:Nurses:nat-n01:EnrollmentCode repeats the enrollment code 'TYM-CODE-0001' already used at Program:Tenants:toyama:Counselors:tym-c01:EnrollmentCode", error.Errors);
        Assert.Contains("Program:Tenants:toyama:EntryCode repeats the entry code 'PR-TOYAMA' already used at Program:Tenants:Bad_Id:EntryCode", error.Errors);
        Assert.Contains("Program:Tenants:toyama:Areas:0 repeats the area name or alias '富山県' already used at Program:Tenants:Bad_Id:Areas:0", error.Errors);
        Assert.Contains("Program:Tenants:toyama:Areas:0 repeats the area name or alias 'とやま' already used at Program:Tenants:Bad_Id:Areas:0", error.Errors);
        Assert.Equal(8, error.Errors.Count);
        Assert.StartsWith("8 problems in the program configuration:", error.Message);
    }

    [Fact]
    public void Broken_json_and_a_missing_section_are_one_line_each()
    {
        var broken = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson("{ \"Program\": "));
        Assert.StartsWith("Program is not valid JSON", Assert.Single(broken.Errors));

        var empty = new ConfigurationBuilder().Build();
        var missing = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromConfiguration(empty.GetSection("Program")));
        Assert.Equal(["Program section is missing"], missing.Errors);

        var noTenants = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson("{\"Program\": {\"CrisisWords\": [\"x\"]}}"));
        Assert.Equal(["Program:Tenants is required (at least one tenant, keyed by its id)"], noTenants.Errors);
    }

    /// <summary>The smallest valid program: one tenant, no pool.</summary>
    private static JsonObject Minimal() => new()
    {
        ["Program"] = new JsonObject
        {
            ["Tenants"] = new JsonObject
            {
                ["toyama"] = new JsonObject
                {
                    ["DisplayName"] = "富山県",
                    ["Kind"] = "Prefecture",
                    ["EntryCode"] = "PR-TOYAMA",
                    ["Areas"] = new JsonArray(new JsonObject { ["Name"] = "富山県", ["Aliases"] = new JsonArray("とやま") }),
                    ["Hours"] = new JsonArray(new JsonObject
                    {
                        ["Days"] = new JsonArray("Tue", "Thu"), ["Start"] = "09:00", ["End"] = "13:00",
                    }),
                    ["ClosedDays"] = new JsonArray("2026-08-14"),
                    ["Counselors"] = new JsonObject
                    {
                        ["tym-c01"] = new JsonObject
                        {
                            ["DisplayName"] = "相談員 さくら", ["Role"] = "Counselor", ["EnrollmentCode"] = "TYM-CODE-0001",
                        },
                    },
                },
            },
        },
    };

    private static JsonObject WithPool(JsonObject json)
    {
        json["Program"]!["Tenants"]!["toyama"]!["OverflowTo"] = "national";
        json["Program"]!["NursePools"] = new JsonObject
        {
            ["national"] = new JsonObject
            {
                ["Name"] = "全国看護師相談チーム",
                ["Tenants"] = "all",
                ["Hours"] = new JsonArray(new JsonObject { ["Days"] = new JsonArray("月", "火曜日"), ["Start"] = "18:00", ["End"] = "24:00" }),
                ["Nurses"] = new JsonObject
                {
                    ["nat-n01"] = new JsonObject { ["DisplayName"] = "看護師 かおり", ["Role"] = "Nurse", ["EnrollmentCode"] = "NAT-CODE-0001" },
                },
            },
        };
        return json;
    }

    /// <summary>Sets a value by configuration path, creating objects and array slots on the way.</summary>
    private static void Set(JsonObject root, string path, string value)
    {
        JsonNode node = root;
        var keys = path.Split(':');
        foreach (var key in keys[..^1])
            node = node is JsonArray array ? array[int.Parse(key)]! : node[key] ??= new JsonObject();
        var last = keys[^1];
        if (node is JsonArray list) list[int.Parse(last)] = value;
        else node[last] = value;
    }
}
