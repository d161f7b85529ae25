using OrleansConsult.Host;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>The operator commands besides migrate: a bad argument stops with exit code 2, like a bad setting.</summary>
public sealed class HostCommandsTests
{
    [Fact]
    public async Task Outbox_release_refuses_an_unknown_reason()
    {
        using var data = new TempFolder();
        Assert.Equal(2, await OrleansConsultHost.RunAsync(["outbox", "release", "--reason", "someday", "--Storage:Mode=Embedded", $"--Storage:DataPath={data.Path}"]));
    }

    [Fact]
    public async Task Outbox_release_and_rekey_run_on_a_migrated_embedded_database()
    {
        using var data = new TempFolder();
        string[] storage = ["--Storage:Mode=Embedded", $"--Storage:DataPath={data.Path}"];
        Assert.Equal(0, await OrleansConsultHost.RunAsync(["migrate", .. storage]));
        Assert.Equal(0, await OrleansConsultHost.RunAsync(["outbox", "release", "--reason=all", .. storage]));
        Assert.Equal(0, await OrleansConsultHost.RunAsync(["rekey", .. storage]));
        Assert.Equal(2, await OrleansConsultHost.RunAsync(["rekey", "--BatchSize=none", .. storage]));
    }
}
