using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Hosting;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.ProgramEditing;

/// <summary>
/// /api/program: a tenant's entry QR code as PNG and SVG (for posters and leaflets), and the program in use
/// exported as a program file (全国管理者; every export is audited).
/// </summary>
public sealed class ProgramEndpoints : IConsoleEndpoints
{
    public const string ExportedAction = "program.exported";

    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var program = api.MapGroup("/program");
        program.MapGet("/tenants/{tenant}/entry-qr.png", (string tenant, ProgramDirectory directory, EntryLinks links) =>
                EntryLink(tenant, directory, links) is { } link
                    ? Results.File(QrImages.Png(link), "image/png", $"entry-{tenant}.png")
                    : Results.NotFound())
            .RequireAuthorization(ConsolePolicies.Administer);
        program.MapGet("/tenants/{tenant}/entry-qr.svg", (string tenant, ProgramDirectory directory, EntryLinks links) =>
                EntryLink(tenant, directory, links) is { } link
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(QrImages.Svg(link)), "image/svg+xml", $"entry-{tenant}.svg")
                    : Results.NotFound())
            .RequireAuthorization(ConsolePolicies.Administer);
        program.MapGet("/export", async (HttpContext http, ProgramEditor editor, IAuditLog audit) =>
            {
                var current = await editor.CurrentAsync(http.RequestAborted);
                if (current is null)
                {
                    return Results.NotFound();
                }
                await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(http.User), ExportedAction, Target: $"版 {current.Number}"), http.RequestAborted);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(current.Json), "application/json", $"program-v{current.Number}.json");
            })
            .RequireAuthorization(ConsolePolicies.National);
    }

    private static string? EntryLink(string tenant, ProgramDirectory directory, EntryLinks links) =>
        directory.Tenant(tenant) is { } settings ? links.For(settings) : null;
}
