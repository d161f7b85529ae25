using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Records;
using OrleansConsult.Tenancy;
using JapaneseCalendar = OrleansConsult.Tenancy.JapaneseCalendar;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>Case records of the tenants in scope, filtered by tenant, period, channel, status, urgent and unclassified.</summary>
public sealed class IndexModel(CaseRecordsConsole records, OrleansConsult.OperatorConsole.Access.IConsoleAccess access, TimeProvider clock) : PageModel
{
    public const int PageLimit = 500;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Tenant { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public DateOnly? Until { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Urgent { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Unclassified { get; set; }

    public IReadOnlyList<TenantSettings> Tenants { get; private set; } = [];
    public IReadOnlyList<CaseRecord> Records { get; private set; } = [];
    public bool National { get; private set; }

    public async Task OnGetAsync()
    {
        Tenants = access.VisibleTenants(User);
        National = records.IsNational(User);
        var today = DateOnly.FromDateTime(JapaneseCalendar.ToTokyo(clock.GetUtcNow()).DateTime);
        From ??= new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Until ??= today;
        var filter = new CaseRecordFilter(
            string.IsNullOrEmpty(Tenant) ? null : [Tenant],
            new DateTimeOffset(From.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)),
            new DateTimeOffset(Until.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)),
            CaseChannels.All.Contains(Channel) ? Channel : null,
            Status switch { "open" => false, "closed" => true, _ => null },
            Urgent ? true : null,
            Unclassified,
            PageLimit);
        Records = await records.ListAsync(User, filter, HttpContext.RequestAborted);
    }

    public string Tokyo(DateTimeOffset? at) =>
        at is { } v ? JapaneseCalendar.ToTokyo(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
