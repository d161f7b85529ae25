using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Pages.Audit;

/// <summary>The auditor's view: filter by period (Japanese dates), actor, action, tenant; export as CSV (itself audited).</summary>
public sealed class AuditModel(IAuditLog log) : PageModel
{
    public const int PageLimit = 500;
    public const int ExportLimit = 100_000;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Until { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tenant { get; set; }

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    public async Task OnGetAsync() => Records = await log.QueryAsync(Filter(PageLimit), HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var filter = Filter(ExportLimit);
        var records = await log.QueryAsync(filter, HttpContext.RequestAborted);
        // The export is recorded before the file leaves, with the filter that made it.
        await log.AppendAsync(new AuditEntry(ConsoleClaims.Actor(User), AuditActions.AuditExported, Tenant, "audit-log",
            AfterJson: JsonSerializer.Serialize(new { from = From, until = Until, actor = Actor, action = Action, tenant = Tenant, rows = records.Count })));
        var name = $"audit-{OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(DateTimeOffset.UtcNow).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return File(AuditCsv.Write(records.Reverse()), "text/csv; charset=utf-8", name);
    }

    public string Tokyo(DateTimeOffset at) => OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private AuditFilter Filter(int limit) => new(
        From is { } from ? TokyoMidnight(from) : null,
        Until is { } until ? TokyoMidnight(until.AddDays(1)) : null,
        Actor, Action, Tenant, limit);

    private static DateTimeOffset TokyoMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));
}
