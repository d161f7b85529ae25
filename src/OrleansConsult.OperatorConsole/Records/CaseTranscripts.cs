using System.Security.Claims;
using System.Text.Json;
using OrleansConsult.Abstractions;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// Opens a case's transcript (sealed rows of oc_transcript) for a person <see cref="TranscriptAccessPolicy"/> allows,
/// after she typed a reason (<see cref="TranscriptReason"/>). Every opening is written to the audit log with the reason
/// before a row is read; a refusal by role is written too. The consultee is shown as a side, never by LINE id.
/// </summary>
public sealed class CaseTranscripts(ITranscriptStore transcripts, IConsoleAccess access, IAuditLog audit)
{
    // The auditor reads the reason as typed (Japanese), not as \u escapes.
    private static readonly JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public bool MayRead(ClaimsPrincipal user, CaseRecord record) =>
        record.Channel == CaseChannels.Line && TranscriptAccessPolicy.MayRead(access.ScopeOf(user), record.TenantId);

    public async Task<TranscriptOpening> OpenAsync(ClaimsPrincipal user, CaseRecord record, string? reason, CancellationToken cancellationToken)
    {
        if (record.Channel != CaseChannels.Line)
        {
            return TranscriptOpening.Refused("電話相談には会話の記録がありません。");
        }
        if (!TranscriptAccessPolicy.MayRead(access.ScopeOf(user), record.TenantId))
        {
            await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(user), RecordsAuditActions.TranscriptRefused, record.TenantId, record.CaseId,
                AfterJson: JsonSerializer.Serialize(new { role = access.ScopeOf(user)?.Role.ToString() })), cancellationToken);
            return TranscriptOpening.Refused("会話の記録を閲覧できるのは、全国管理者とこの自治体のスーパーバイザーだけです。");
        }
        if (TranscriptReason.Problem(reason) is { } problem)
        {
            return TranscriptOpening.Refused(problem);
        }
        // Logged before anything is read: an opening the audit log cannot record does not happen.
        await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(user), RecordsAuditActions.TranscriptOpened, record.TenantId, record.CaseId,
            AfterJson: JsonSerializer.Serialize(new { reason = TranscriptReason.Normalize(reason) }, Readable)), cancellationToken);
        return new TranscriptOpening(await LinesAsync(record, cancellationToken), null);
    }

    /// <summary>
    /// The lines again, without a new audit row: only for the page's reload within its <see cref="TranscriptGrants"/> grant
    /// (the opening it stands for is already in the audit log), and only while the person may still read it.
    /// </summary>
    public async Task<IReadOnlyList<TranscriptLine>?> ReopenAsync(ClaimsPrincipal user, CaseRecord record, CancellationToken cancellationToken) =>
        MayRead(user, record) ? await LinesAsync(record, cancellationToken) : null;

    private async Task<IReadOnlyList<TranscriptLine>> LinesAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var entries = await transcripts.ReadAsync(record.CaseId, cancellationToken);
        return entries.Select(e => new TranscriptLine(e.At, Side(e.Author), e.Text)).ToList();
    }

    public static string Side(TranscriptAuthor author) => author switch
    {
        TranscriptAuthor.Consultee => "相談者",
        TranscriptAuthor.Counselor => "相談員",
        _ => "自動応答",
    };
}
