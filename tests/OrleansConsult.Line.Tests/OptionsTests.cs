using Microsoft.Extensions.Configuration;

namespace OrleansConsult.Line.Tests;

public sealed class OptionsTests
{
    private static LineOptions Load(Dictionary<string, string?> values) =>
        LineSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Channels_bind_with_roles_from_lower_case_strings()
    {
        var options = Load(new()
        {
            ["Line:Channels:public:Secret"] = "s",
            ["Line:Channels:public:AccessToken"] = "t",
            ["Line:Channels:public:Role"] = "consultee",
            ["Line:Channels:nurses:Secret"] = "s2",
            ["Line:Channels:nurses:AccessToken"] = "t2",
            ["Line:Channels:nurses:Role"] = "staff",
        });
        Assert.Equal(LineChannelRole.Consultee, options.Channels["public"].Role);
        Assert.Equal(LineChannelRole.Staff, options.Channels["nurses"].Role);
        Assert.Equal("https://api.line.me", options.ApiBaseUrl);
        Assert.Equal(100, options.Webhook.MaxEventsPerRequest);
        Assert.Equal(256, options.Webhook.MaxConcurrentRequests);
        Assert.Equal(20_000, options.Webhook.MaxQueuedRequests);
    }

    [Fact]
    public void The_webhook_caps_can_be_set()
    {
        var options = Load(new()
        {
            ["Line:Webhook:MaxEventsPerRequest"] = "250",
            ["Line:Webhook:MaxConcurrentRequests"] = "64",
            ["Line:Webhook:MaxQueuedRequests"] = "0",
        });
        Assert.Equal(250, options.Webhook.MaxEventsPerRequest);
        Assert.Equal(64, options.Webhook.MaxConcurrentRequests);
        Assert.Equal(0, options.Webhook.MaxQueuedRequests);
    }

    [Theory]
    [InlineData("Line:Channels:public:Secret", "", "Line:Channels:public:Secret is required")]
    [InlineData("Line:Channels:public:AccessToken", "", "Line:Channels:public:AccessToken is required")]
    [InlineData("Line:Channels:public:Role", "", "Line:Channels:public:Role is required")]
    [InlineData("Line:Channels:public:Role", "nurse", "Line:Channels:public:Role")]
    [InlineData("Line:ApiBaseUrl", "ftp://x", "Line:ApiBaseUrl")]
    [InlineData("Line:Webhook:MaxEventsPerRequest", "0", "Line:Webhook:MaxEventsPerRequest must be 1..10000")]
    [InlineData("Line:Webhook:MaxConcurrentRequests", "0", "Line:Webhook:MaxConcurrentRequests must be 1..100000")]
    [InlineData("Line:Webhook:MaxQueuedRequests", "-1", "Line:Webhook:MaxQueuedRequests must be 0..1000000")]
    public void A_bad_setting_is_named_in_one_line(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Line:Channels:public:Secret"] = "s",
            ["Line:Channels:public:AccessToken"] = "t",
            ["Line:Channels:public:Role"] = "consultee",
            [key] = value,
        };
        var ex = Assert.Throws<LineConfigurationException>(() => Load(values));
        Assert.StartsWith(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
