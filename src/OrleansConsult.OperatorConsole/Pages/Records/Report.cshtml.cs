using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>
/// The monthly report of a tenant (route value "tenant", checked by the scope filter: another tenant's report is 404),
/// or the national report without one (全国管理者 only). Charts and tables on the page, a printable view, CSV and .xlsx (audited).
/// </summary>
public sealed class ReportModel(CaseRecordsConsole records, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Tenant { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public CaseReport? Report { get; private set; }

    /// <summary>The charts' data (by month, time band, 相談内容), from the same tenant's figures as the tables.</summary>
    public IReadOnlyList<ReportChart> Charts { get; private set; } = [];

    public ReportMonth Period => ReportMonth.Parse(Month) ?? ReportMonth.LastBefore(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Allowed()) return NotFound();
        Report = await records.ReportAsync(User, Tenant, Period, HttpContext.RequestAborted);
        if (!Print)
        {
            Charts = ReportCharts.Of(Report, await records.MonthlyCountsAsync(Tenant, Period, HttpContext.RequestAborted));
        }
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync() => ExportAsync("csv", CaseReportCsv.Write, "text/csv; charset=utf-8");

    public Task<IActionResult> OnGetXlsxAsync() =>
        ExportAsync("xlsx", CaseReportWorkbook.Write, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private async Task<IActionResult> ExportAsync(string format, Func<CaseReport, byte[]> write, string contentType)
    {
        if (!Allowed()) return NotFound();
        var report = await records.ReportAsync(User, Tenant, Period, HttpContext.RequestAborted);
        await records.AuditExportAsync(User, report, format, HttpContext.RequestAborted);
        return File(write(report), contentType, $"report-{report.TenantId ?? "national"}-{report.Period}.{format}");
    }

    // A tenant's report: the scope filter has already checked the route value. The national one: 全国管理者 only.
    private bool Allowed() => Tenant is not null ? records.SeesTenant(User, Tenant) : records.IsNational(User);
}
