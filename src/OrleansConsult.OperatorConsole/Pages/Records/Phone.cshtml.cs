using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Records;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>Records a phone consultation (channel 電話) for a tenant in scope: time, duration, classification.</summary>
public sealed class PhoneModel(CaseRecordsConsole records, IConsoleAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Tenant { get; set; } = "";
    [BindProperty] public DateTime? At { get; set; }
    [BindProperty] public int? Duration { get; set; }
    [BindProperty] public bool Urgent { get; set; }
    [BindProperty] public ClassificationInput Input { get; set; } = new();

    public string? Error { get; private set; }
    public string TenantName { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (Find() is not { } tenant) return NotFound();
        TenantName = tenant.DisplayName;
        Input.Lists = records.ListsFor(tenant.Id);
        At ??= JapaneseCalendar.ToTokyo(clock.GetUtcNow()).DateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Find() is not { } tenant) return NotFound();
        TenantName = tenant.DisplayName;
        Input.Lists = records.ListsFor(tenant.Id);
        var problems = PhoneRecordCheck.Problems(At, Duration, clock.GetUtcNow());
        if (problems.Count > 0)
        {
            Error = string.Join(" ", problems) + " 入力した内容は残っています。";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var caseId = await records.RecordPhoneAsync(User, tenant, new DateTimeOffset(At!.Value, TimeSpan.FromHours(9)), Duration!.Value, Urgent,
            Input.ToClassification(Input.Lists), HttpContext.RequestAborted);
        return Redirect($"/Records/Case/{caseId}");
    }

    private TenantSettings? Find() => access.VisibleTenants(User).FirstOrDefault(t => string.Equals(t.Id, Tenant, StringComparison.OrdinalIgnoreCase));
}
