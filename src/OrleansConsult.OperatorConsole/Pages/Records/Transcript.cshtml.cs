using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>
/// A case's conversation, opened with a typed reason by a person allowed to read it (see <see cref="TranscriptAccessPolicy"/>).
/// The reason goes in the POST body, never the URL; each POST that shows the messages is one audited opening.
/// A case out of scope is 404; a role that may not read it gets 403 with the reason why.
/// </summary>
public sealed class TranscriptModel(CaseRecordsConsole records, CaseTranscripts transcripts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string CaseId { get; set; } = "";
    [BindProperty] public string? Reason { get; set; }

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
        Lines = opening.Lines;
        return Page();
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
