namespace OrleansConsult.Tenancy.Tests;

/// <summary>The roster and re-offer settings routing reads: "Active" and "OfferRetryPause".</summary>
public class RosterSettingsTests
{
    private const string Program = """
        { "Program": {
            "Tenants": { "t": {
              "DisplayName": "T県", "Kind": "Prefecture", "EntryCode": "PR-T",
              "Areas": [ "T県" ],
              "Hours": [ { "Days": [ "Mon" ], "Start": "09:00", "End": "17:00" } ],
              "OfferRetryPause": "00:02:00",
              "Counselors": {
                "t-c1": { "DisplayName": "ゆず", "Role": "Counselor", "EnrollmentCode": "T-C1" },
                "t-c2": { "DisplayName": "もも", "Role": "Midwife", "EnrollmentCode": "T-C2", "Active": false }
              } } },
            "NursePools": { "p": {
              "Name": "看護師窓口", "Tenants": "all",
              "Hours": [ { "Days": [ "Mon" ], "Start": "18:00", "End": "22:00" } ],
              "OfferRetryPause": "00:00:30",
              "Nurses": { "p-n1": { "DisplayName": "かおり", "Role": "Nurse", "EnrollmentCode": "P-N1" } } } } } }
        """;

    [Fact]
    public void Staff_are_active_unless_marked_inactive()
    {
        var program = ProgramConfigurationLoader.FromJson(Program);
        Assert.True(program.AllStaff.Single(s => s.Id == "t-c1").Active);
        Assert.False(program.AllStaff.Single(s => s.Id == "t-c2").Active);
        Assert.True(program.AllStaff.Single(s => s.Id == "p-n1").Active);
    }

    [Fact]
    public void The_re_offer_pause_is_read_for_tenants_and_pools_and_defaults_to_a_minute()
    {
        var program = ProgramConfigurationLoader.FromJson(Program);
        Assert.Equal(TimeSpan.FromMinutes(2), program.FindTenant("t")!.Timeouts.OfferRetryPause);
        Assert.Equal(TimeSpan.FromSeconds(30), program.FindPool("p")!.OfferRetryPause);
        Assert.Equal(TimeSpan.FromSeconds(60), ConsultationTimeouts.Default.OfferRetryPause);

        var defaults = ProgramConfigurationLoader.FromJson(Program.Replace("\"OfferRetryPause\": \"00:02:00\",", "", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(60), defaults.FindTenant("t")!.Timeouts.OfferRetryPause);
    }

    [Fact]
    public void A_bad_active_flag_names_its_setting()
    {
        var error = Assert.Throws<ProgramConfigurationException>(() =>
            ProgramConfigurationLoader.FromJson(Program.Replace("\"Active\": false", "\"Active\": \"perhaps\"", StringComparison.Ordinal)));
        Assert.Contains(error.Errors, e => e.Contains("Program:Tenants:t:Counselors:t-c2:Active", StringComparison.Ordinal));
    }
}
