using OrleansConsult.Grains.Records;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Records;
using OrleansConsult.Tenancy;
using JapaneseCalendar = OrleansConsult.Tenancy.JapaneseCalendar;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>
/// Case records of the tenants in scope, filtered by tenant, period, channel, status, urgent, 相談内容, referral status and
/// unclassified, 50 a page. A tenant out of scope in the query is dropped by <see cref="CaseRecordsConsole"/>, never shown.
/// </summary>
public sealed class IndexModel(CaseRecordsConsole records, OrleansConsult.OperatorConsole.Access.IConsoleAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Tenant { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public DateOnly? Until { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Urgent { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Unclassified { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Referral { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Whether a page follows this one (one more row than a page was asked for).</summary>
    public bool HasNext { get; private set; }

    public IReadOnlyList<TenantSettings> Tenants { get; private set; } = [];

    /// <summary>The filter's 相談内容 and referral statuses: the chosen (or only visible) tenant's lists, else the program's.</summary>
    public CaseRecordLists Lists { get; private set; } = RecordListsInUse.Default;
    public IReadOnlyList<CaseRecord> Records { get; private set; } = [];
    public bool National { get; private set; }

    public async Task OnGetAsync()
    {
        Tenants = access.VisibleTenants(User);
        National = records.IsNational(User);
        Lists = records.ListsFor(!string.IsNullOrEmpty(Tenant) ? Tenant : Tenants.Count == 1 ? Tenants[0].Id : null);
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
            PageSize + 1,
            Lists.Topics.Contains(Topic ?? "") ? Topic : null,
            Referral == CaseRecordFilter.NoReferral || Lists.ReferralStatuses.Contains(Referral ?? "") ? Referral : null,
            (Math.Max(1, PageNumber) - 1) * PageSize);
        var found = await records.ListAsync(User, filter, HttpContext.RequestAborted);
        HasNext = found.Count > PageSize;
        Records = found.Take(PageSize).ToList();
        PageNumber = Math.Max(1, PageNumber);
    }

    /// <summary>The list's address with the same filters on page <paramref name="page"/>.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key != "p").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/Records?" + string.Join("&", query.Append($"p={page}"));
    }

    /// <summary>Who handles a case (display name and staff id): the unclassified list says who should classify it.</summary>
    public string Counselor(CaseRecord record) => records.CounselorLabel(record);

    public string Tokyo(DateTimeOffset? at) =>
        at is { } v ? JapaneseCalendar.ToTokyo(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
