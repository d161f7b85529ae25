using Microsoft.AspNetCore.Builder;
using OrleansConsult.Line;
using OrleansConsult.LineSimulator;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>The LINE simulator on a free loopback port, with the two channels of <see cref="HostRunner"/>'s Hosts.</summary>
internal static class TestLineSimulator
{
    public static async Task<WebApplication> StartAsync()
    {
        var app = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o =>
        {
            o.Channels["consultee"] = new SimulatorChannel { Secret = HostRunner.ConsulteeSecret, AccessToken = "test-consultee-token", Role = LineChannelRole.Consultee };
            o.Channels["staff"] = new SimulatorChannel { Secret = HostRunner.StaffSecret, AccessToken = "test-staff-token", Role = LineChannelRole.Staff };
        });
        await app.StartAsync();
        return app;
    }
}
