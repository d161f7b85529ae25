using OrleansConsult.Grains.Records;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>
/// One case record: its times, the routing timeline and notes from the case grain, the survey, the classification form
/// and its referrals, and the way to its transcript. Out of scope or unknown: 404.
/// </summary>
public sealed class CaseModel(CaseRecordsConsole records, CaseTimeline timeline, CaseTranscripts transcripts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string CaseId { get; set; } = "";
    [BindProperty] public ClassificationInput Input { get; set; } = new();
    [BindProperty] public ReferralInput Referral { get; set; } = new();

    public CaseRecord Record { get; private set; } = null!;
    public IReadOnlyList<CaseReferral> Referrals { get; private set; } = [];
    public CaseTimelineView? Timeline { get; private set; }
    /// <summary>May this person open the conversation (and read the counselor's notes, which are as sensitive)?</summary>
    public bool ReadsConversation { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The case's tenant's classification and referral lists (the program in use).</summary>
    public CaseRecordLists Lists { get; private set; } = RecordListsInUse.Default;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = ClassificationInput.From(Record.Classification);
        Input.Lists = Lists;
        return Page();
    }

    public async Task<IActionResult> OnPostClassifyAsync()
    {
        if (!await LoadAsync()) return NotFound();
        await records.ClassifyAsync(User, Record, Input.ToClassification(Lists), HttpContext.RequestAborted);
        await LoadAsync();
        Notice = "分類を保存しました。";
        return Page();
    }

    public async Task<IActionResult> OnPostReferralAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = ClassificationInput.From(Record.Classification);
        Input.Lists = Lists;
        if (Referral.Problem(Lists) is { } problem)
        {
            Error = problem + "入力した内容は残っています。";
            return Page();
        }
        await records.SaveReferralAsync(User, Record, Referral.ToReferral(Record.CaseId), HttpContext.RequestAborted);
        await LoadAsync();
        Referral = new();
        Notice = "つなぎ先を追加しました。";
        return Page();
    }

    /// <summary>Who handles the case (display name and staff id), for the supervisor who asks her to classify it.</summary>
    public string Counselor => records.CounselorLabel(Record);

    public string Tokyo(DateTimeOffset? at) =>
        at is { } v ? OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private async Task<bool> LoadAsync()
    {
        if (await records.FindAsync(User, CaseId, HttpContext.RequestAborted) is not { } found) return false;
        (Record, Referrals) = found;
        Lists = records.ListsFor(Record.TenantId);
        Input.Lists = Lists;
        Timeline = await timeline.ReadAsync(Record);
        ReadsConversation = transcripts.MayRead(User, Record);
        return true;
    }
}
