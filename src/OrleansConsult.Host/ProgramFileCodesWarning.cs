using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>Says at start, outside Development, that enrollment codes in the program file are ignored.</summary>
public sealed partial class ProgramFileCodesWarning(ProgramConfiguration program, EnrollmentPolicy policy, ILogger<ProgramFileCodesWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!policy.AcceptProgramFileCodes && program.EnrollmentCodeCount > 0)
        {
            LogIgnored(logger, program.EnrollmentCodeCount);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The program file holds {Count} enrollment code(s); outside Development they are ignored. Staff enroll with one-time invitations (the invite command); remove the codes from the file.")]
    private static partial void LogIgnored(ILogger logger, int count);
}
