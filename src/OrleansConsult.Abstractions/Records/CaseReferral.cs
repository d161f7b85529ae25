namespace OrleansConsult.Abstractions.Records;

/// <summary>
/// One referral (つなぎ) of a case: where to, the named place, how far it got; with the 産科受診同行 date and
/// who accompanied, and the nights at a 居場所, when they apply.
/// </summary>
public sealed record CaseReferral(
    string ReferralId,
    string CaseId,
    string Destination,
    string Place,
    string Status,
    DateOnly? AccompaniedOn = null,
    string? AccompaniedBy = null,
    int? ShelterNights = null);
