using OrleansConsult.Grains.Records;

namespace OrleansConsult.Grains.Conversation;

/// <summary>Her case-record work on LINE (ids from 20 up, apart from the presence and case fields).</summary>
public sealed partial class CounselorState
{
    /// <summary>The /記録 form she is filling in, if any.</summary>
    [Id(20)] public RecordForm? RecordForm { get; set; }
    /// <summary>The /紹介 she is recording, if any.</summary>
    [Id(21)] public ReferralForm? ReferralForm { get; set; }
    /// <summary>Cases she closed lately (newest last): /記録 #tag, /一覧's 24 hours, the next day's reminder.</summary>
    [Id(22)] public List<ClosedCaseEntry> ClosedCases { get; set; } = [];
    /// <summary>The number of her last form: a tap names its form, so a tap on an older one is stale.</summary>
    [Id(23)] public long FormNumber { get; set; }
}
