using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Identity;
using OrleansConsult.OperatorConsole.Staff;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Pages.Staff;

/// <summary>
/// One tenant's (or pool's) staff invitations: issue (code, line.me link, QR PNG), list, revoke,
/// and end a LINE binding. {owner} is scope-checked by the global filter (404 outside the scope);
/// changing needs the admin right on it as well.
/// </summary>
public sealed class InvitationsModel(StaffEnrollmentConsole staff, IConsoleAccess access, ProgramDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Owner { get; set; } = "";

    public string OwnerName { get; private set; } = "";

    public IReadOnlyList<StaffMember> Roster { get; private set; } = [];

    public IReadOnlyList<StaffInvitation> Invitations { get; private set; } = [];

    public IssuedInvitation? Issued { get; private set; }

    public string QrPngBase64 { get; private set; } = "";

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public DateTimeOffset Now => staff.Now;

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostIssueAsync(string staffId)
    {
        if (!Administers(out var owner))
        {
            return NotFound();
        }
        try
        {
            Issued = await staff.IssueAsync(ConsoleClaims.Actor(User), owner, staffId);
            QrPngBase64 = Convert.ToBase64String(QrImages.Png(Issued.Link ?? Issued.Code));
        }
        catch (EnrollmentException ex)
        {
            Error = ex.Message;
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string invitationId)
    {
        if (!Administers(out var owner))
        {
            return NotFound();
        }
        var revoked = await staff.RevokeAsync(ConsoleClaims.Actor(User), owner, invitationId ?? "");
        if (revoked is null)
        {
            Error = "この招待は見つかりません。";
        }
        else if (revoked.StatusAt(staff.Now) != InvitationStatus.Revoked)
        {
            Error = $"招待 {revoked.Id} は{StatusLabel(revoked.StatusAt(staff.Now))}のため取り消せません。使用済みの招待は「LINE 連携を解除」で終了します。";
        }
        else
        {
            Notice = $"招待 {revoked.Id} を取り消しました。";
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostUnbindAsync(string staffId)
    {
        if (!Administers(out var owner))
        {
            return NotFound();
        }
        try
        {
            var result = await staff.UnbindAsync(ConsoleClaims.Actor(User), owner, staffId);
            Notice = result.WasBound
                ? $"{staffId} の LINE 連携を解除しました（担当中の相談 {result.CasesHandedBack} 件を待機列に戻し、提示中の相談 {result.OffersDeclined} 件を返しました）。新しい端末には改めて招待してください。"
                : $"{staffId} は LINE と連携していません。変更はありません。";
        }
        catch (EnrollmentException ex)
        {
            Error = ex.Message;
        }
        return await ShowAsync();
    }

    public string Tokyo(DateTimeOffset at) => OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string StatusLabel(InvitationStatus status) => status switch
    {
        InvitationStatus.Open => "有効",
        InvitationStatus.Used => "使用済み",
        InvitationStatus.Expired => "期限切れ",
        _ => "取り消し済み",
    };

    public static string RoleLabel(StaffRole role) => role switch
    {
        StaffRole.Counselor => "相談員",
        StaffRole.Midwife => "助産師",
        StaffRole.Nurse => "看護師",
        StaffRole.Supervisor => "スーパーバイザー",
        _ => "保健師",
    };

    private bool Administers(out string ownerId)
    {
        var key = access.Resolve(Owner);
        ownerId = key?.Id ?? "";
        return key is { } found && access.Administers(User, found);
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (!Administers(out var owner))
        {
            return NotFound();
        }
        var tenant = directory.Program.FindTenant(owner);
        var pool = tenant is null ? directory.Program.FindPool(owner) : null;
        OwnerName = tenant?.DisplayName ?? pool?.Name ?? owner;
        Roster = tenant?.Counselors ?? pool?.Nurses ?? [];
        Invitations = await staff.ListAsync(owner, HttpContext.RequestAborted);
        return Page();
    }
}
