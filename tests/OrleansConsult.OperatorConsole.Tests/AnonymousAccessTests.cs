using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// Every page the console assembly compiles (found by reflection, so a page added later is covered too) sends a
/// visitor without a sign-in to the sign-in page, except the sign-in pages themselves; every API refuses.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AnonymousAccessTests(ConsoleFixture console)
{
    [Fact]
    public async Task Every_console_page_and_api_requires_a_sign_in()
    {
        var pages = ConsolePages().Where(p => !p.StartsWith("/Account/", StringComparison.Ordinal)).ToList();
        Assert.Contains("/Program/National", pages);
        Assert.Contains("/Program/NewTenant", pages);
        Assert.Contains("/Program/Tenant/toyama", pages);
        Assert.True(pages.Count >= 20, string.Join(", ", pages));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = console.Console };
        foreach (var path in pages)
        {
            var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/SignIn", StringComparison.Ordinal),
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        foreach (var api in new[] { "/api/board", "/api/board/events", "/api/board/toyama", "/api/program/export", "/api/program/tenants/toyama/entry-qr.png",
                     "/api/program/tenants/toyama/entry-qr.svg", "/api/tenants", "/api/tenants/toyama" })
        {
            var response = await http.GetAsync(api);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{api}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The path of every compiled Razor page (partials left out), route values filled with toyama.</summary>
    private static IEnumerable<string> ConsolePages()
    {
        var assembly = typeof(OrleansConsult.OperatorConsole.Hosting.OperatorConsoleHosting).Assembly;
        foreach (var item in assembly.GetCustomAttributes<RazorCompiledItemAttribute>().Where(i => i.Kind == "mvc.1.0.razor-page"))
        {
            var identifier = item.Identifier; // /Pages/Program/National.cshtml
            var template = item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            var path = identifier["/Pages".Length..^".cshtml".Length];
            if (path.EndsWith("/Index", StringComparison.Ordinal))
            {
                path = path[..^"/Index".Length];
            }
            if (template is not null)
            {
                path = template.StartsWith('/') ? template : $"{path}/{template}";
            }
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", m => m.Value.EndsWith("?}", StringComparison.Ordinal) ? "" : "toyama").TrimEnd('/');
            yield return path.Length == 0 ? "/" : path;
        }
    }
}
