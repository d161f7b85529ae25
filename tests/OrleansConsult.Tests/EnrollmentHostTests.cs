using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Host;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>The Host's enrollment wiring: the environment decides whether program-file codes enroll.</summary>
public sealed class EnrollmentHostTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_production_start_warns_that_the_file_codes_are_ignored_and_refuses_them()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = await HostRunner.StartAsync(HostRunner.Embedded(_data.Path), b => b.Logging.AddProvider(logs), environment: "Production");

        Assert.False(host.Services.GetRequiredService<EnrollmentPolicy>().AcceptProgramFileCodes);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Category == typeof(ProgramFileCodesWarning).FullName
            && l.Message.Contains("holds 9 enrollment code(s); outside Development they are ignored", StringComparison.Ordinal));

        // The sample's code (public, in the repository) does not enroll; an invitation does.
        var phone = host.Grains.GetGrain<IStaffLineUserGrain>(GrainKeys.LineUser("staff", "Usakura"));
        var sampleCode = host.Services.GetRequiredService<OrleansConsult.Tenancy.ProgramConfiguration>().AllStaff.Single(s => s.Id == "tym-c01").EnrollmentCode!;
        await phone.AcceptAsync(Events.Text(sampleCode));
        Assert.True(await Eventually.TrueAsync(async () => (await phone.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(10)));
        Assert.Null(await phone.GetCounselorIdAsync());
        Assert.Null((await host.Grains.GetGrain<ICounselorGrain>("tym-c01").GetSnapshotAsync()).StaffLineKey);

        var issued = await host.Services.GetRequiredService<StaffInvitations>().IssueAsync("toyama", "tym-c01");
        await phone.AcceptAsync(Events.Text(issued.Code));
        Assert.True(await Eventually.TrueAsync(async () => await phone.GetCounselorIdAsync() == "tym-c01", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_development_start_accepts_the_sample_codes_without_a_warning()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = await HostRunner.StartAsync(HostRunner.Embedded(_data.Path), b => b.Logging.AddProvider(logs));

        Assert.True(host.Services.GetRequiredService<EnrollmentPolicy>().AcceptProgramFileCodes);
        Assert.DoesNotContain(logs.Lines, l => l.Category == typeof(ProgramFileCodesWarning).FullName);
    }
}
