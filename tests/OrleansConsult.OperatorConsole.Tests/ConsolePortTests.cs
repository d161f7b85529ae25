using Microsoft.Extensions.Configuration;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Tests;

public sealed class ConsolePortTests
{
    private static ConsolePort Load(string? value) =>
        ConsolePort.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Console:Port"] = value }).Build());

    [Fact]
    public void The_console_listens_next_to_every_host_of_the_other_urls_and_never_on_their_ports()
    {
        Assert.Equal(5100, Load(null).Port);
        Assert.False(Load("0").Enabled);
        Assert.Throws<ConsoleConfigurationException>(() => Load("70000"));
        Assert.Throws<ConsoleConfigurationException>(() => Load("console"));

        var port = Load("5100");
        Assert.Equal(["http://127.0.0.1:5100", "http://*:5100"], port.Urls(["http://127.0.0.1:8080", "http://127.0.0.1:9090", "http://*:8081"]));
        Assert.Throws<ConsoleConfigurationException>(() => port.Urls(["http://127.0.0.1:5100"]));
    }
}
