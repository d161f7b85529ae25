using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>
/// A case's conversation, opened with a typed reason by a person allowed to read it (see <see cref="TranscriptAccessPolicy"/>).
/// The reason goes in the POST body, never the URL; each POST that shows the messages is one audited opening, and redirects
/// to this page's GET with a short-lived grant (<see cref="TranscriptGrants"/>), so a reload shows them again without a
/// second opening in the audit log; after the grant lapses the reason is asked again.
/// A case out of scope is 404; a role that may not read it gets 403 with the reason why.
/// </summary>
public sealed class TranscriptModel(CaseRecordsConsole records, CaseTranscripts transcripts, TranscriptGrants grants) : PageModel
{
    [BindProperty(SupportsGet = true)] public string CaseId { get; set; } = "";
    [BindProperty] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true, Name = "grant")] public string? Grant { get; set; }

    public CaseRecord Record { get; private set; } = null!;
    public IReadOnlyList<TranscriptLine>? Lines { get; private set; }
    public string? Error { get; private set; }
    public bool Allowed { get; private set; }

    /// <summary>The consultee as the console names her: a short form of her pseudonym, never a LINE id.</summary>
    public string Pseudonym => Record.ConsulteeKey[(Record.ConsulteeKey.IndexOf(':') + 1)..] is { Length: > 10 } p ? p[..10] : Record.ConsulteeKey;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!Allowed)
        {
            Error = Record.Channel == CaseChannels.Line
                ? "会話の記録を閲覧できるのは、全国管理者とこの自治体のスーパーバイザーだけです。"
                : "電話相談には会話の記録がありません。";
            Response.StatusCode = Record.Channel == CaseChannels.Line ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
            return Page();
        }
        if (Grant is not null)
        {
            if (grants.Holds(Grant, ConsoleClaims.Actor(User), CaseId))
            {
                Lines = await transcripts.ReopenAsync(User, Record, HttpContext.RequestAborted);
            }
            else
            {
                Error = "閲覧の有効期限（" + TranscriptGrants.Lifetime.TotalMinutes + " 分）が過ぎました。もう一度、閲覧の理由を入力してください。";
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var opening = await transcripts.OpenAsync(User, Record, Reason, HttpContext.RequestAborted);
        if (!opening.Opened)
        {
            Error = opening.Refusal;
            if (!Allowed) Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        // The opening is audited; the GET it redirects to shows it, and a reload of that GET is not a new opening.
        return Redirect($"/Records/Case/{Uri.EscapeDataString(CaseId)}/Transcript?grant={Uri.EscapeDataString(grants.Issue(ConsoleClaims.Actor(User), CaseId))}");
    }

    public static string Tokyo(DateTimeOffset at) =>
        OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync()
    {
        if (await records.FindAsync(User, CaseId, HttpContext.RequestAborted) is not { } found) return false;
        Record = found.Record;
        Allowed = transcripts.MayRead(User, Record);
        return true;
    }
}
