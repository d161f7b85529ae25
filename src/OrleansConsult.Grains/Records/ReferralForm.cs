namespace OrleansConsult.Grains.Records;

/// <summary>
/// A counselor's /紹介 on LINE, kept in her grain's state between taps: destination type, then status (the
/// referral is saved then), then the named place as her next message, for a few minutes.
/// </summary>
[GenerateSerializer, Alias("oc.ReferralForm")]
public sealed class ReferralForm
{
    public const int Destination = 0;
    public const int Status = 1;
    public const int Place = 2;

    [Id(0)] public long Number { get; set; }
    [Id(1)] public string CaseId { get; set; } = "";
    [Id(2)] public int Step { get; set; }
    [Id(3)] public List<string> Choices { get; set; } = [];
    [Id(4)] public string? ChosenDestination { get; set; }
    [Id(5)] public string? ChosenStatus { get; set; }
    [Id(6)] public string ReferralId { get; set; } = "";
    /// <summary>Until when her next message is taken as the named place (and not relayed).</summary>
    [Id(7)] public DateTimeOffset? PlaceUntil { get; set; }
    /// <summary>The case's tenant: its record lists give the next step's choices.</summary>
    [Id(8)] public string TenantId { get; set; } = "";
}
