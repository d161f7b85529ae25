using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// The steps of /紹介 on LINE: the destination type, then the status (the referral is saved with no place yet),
/// then the named place as her next message or 「名前なし」. 「キャンセル」 before the status leaves nothing saved.
/// </summary>
public static class ReferralFormFlow
{
    public const string NoPlace = "noplace";
    public const string Cancel = "cancel";

    /// <summary>How long her next message is taken as the named place; after that it goes to her consultee again.</summary>
    public static readonly TimeSpan PlaceWait = TimeSpan.FromMinutes(5);

    /// <summary>The named place is stored in a 200-character column; a name is much shorter.</summary>
    public const int MaxPlaceLength = 100;

    public static ReferralForm Start(long number, string caseId, string tenantId, string referralId, CaseRecordLists lists) =>
        new() { Number = number, CaseId = caseId, TenantId = tenantId, ReferralId = referralId, Step = ReferralForm.Destination, Choices = lists.Destinations.ToList() };

    public static FormOutcome Apply(ReferralForm form, FormTap tap, CaseRecordLists lists, DateTimeOffset now)
    {
        if (tap.Form != FormPostback.Referral || tap.Number != form.Number || tap.Step != form.Step)
        {
            return FormOutcome.Ignored;
        }
        switch (tap.Word)
        {
            case Cancel when form.Step < ReferralForm.Place:
                return FormOutcome.Leave;
            case NoPlace when form.Step == ReferralForm.Place:
                form.PlaceUntil = null;
                return FormOutcome.Done;
            case not null:
                return FormOutcome.Ignored;
        }
        if (tap.Index is not { } index || index >= form.Choices.Count)
        {
            return FormOutcome.Ignored;
        }
        if (form.Step == ReferralForm.Destination)
        {
            form.ChosenDestination = form.Choices[index];
            form.Step = ReferralForm.Status;
            form.Choices = lists.ReferralStatuses.ToList();
            return FormOutcome.Ask;
        }
        if (form.Step == ReferralForm.Status)
        {
            form.ChosenStatus = form.Choices[index];
            form.Step = ReferralForm.Place;
            form.Choices = [];
            form.PlaceUntil = now + PlaceWait;
            return FormOutcome.Save;
        }
        return FormOutcome.Ignored;
    }

    /// <summary>Whether her text now is the named place she was asked for.</summary>
    public static bool WaitsForPlace(ReferralForm? form, DateTimeOffset now) =>
        form is { Step: ReferralForm.Place, PlaceUntil: { } until } && now < until;
}
