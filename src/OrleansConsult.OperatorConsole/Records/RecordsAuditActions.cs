namespace OrleansConsult.OperatorConsole.Records;

/// <summary>The audit actions of case records and the monthly report.</summary>
public static class RecordsAuditActions
{
    public const string PhoneRecorded = "case-record.phone-recorded";
    public const string Classified = "case-record.classified";
    public const string ReferralSaved = "case-record.referral-saved";
    public const string ReportExported = "case-report.exported";
    public const string TranscriptOpened = "case-record.transcript-opened";
    public const string TranscriptRefused = "case-record.transcript-refused";
}
