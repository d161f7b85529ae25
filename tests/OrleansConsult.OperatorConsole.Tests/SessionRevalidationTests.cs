using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class SessionRevalidationTests(ConsoleFixture console)
{
    /// <summary>The session is re-checked against the account every minute (every 3 s in these tests); the re-issued sign-in must still count as two-factor.</summary>
    [Fact]
    public async Task A_session_outlives_its_revalidation_and_still_counts_as_two_factor()
    {
        var link = await console.AdminAddAsync("nagai@example.jp", "--role", "auditor");
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var response = await page.GotoAsync("/Audit");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "監査ログ" })).ToBeVisibleAsync();
    }
}
