using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>The referral form's fields; a destination or status outside the lists is refused with a message.</summary>
public sealed class ReferralInput
{
    public string? Destination { get; set; }
    public string? Place { get; set; }
    public string? Status { get; set; }
    public DateOnly? AccompaniedOn { get; set; }
    public string? AccompaniedBy { get; set; }
    public int? ShelterNights { get; set; }

    public string? Problem(CaseRecordLists lists) =>
        !lists.Destinations.Contains(Destination ?? "") ? "つなぎ先を選んでください。"
        : !lists.ReferralStatuses.Contains(Status ?? "") ? "状態を選んでください。"
        : ShelterNights is < 0 or > 366 ? "居場所の泊数は 0〜366 で入力してください。"
        : null;

    public CaseReferral ToReferral(string caseId) => new(
        "ref-" + Guid.NewGuid().ToString("N")[..16], caseId, Destination!, (Place ?? "").Trim(), Status!,
        AccompaniedOn, string.IsNullOrWhiteSpace(AccompaniedBy) ? null : AccompaniedBy.Trim(), ShelterNights);
}
