namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.DispatcherState")]
public sealed class DispatcherState
{
    /// <summary>
    /// The waiting cases in offer order. Not part of this state's blob (Id 0 held it once; retired): one row per
    /// case in <see cref="OrleansConsult.Abstractions.IDispatcherQueueStore"/>, kept in order by <see cref="DispatcherQueue"/>.
    /// </summary>
    [NonSerialized]
    public List<QueuedCase> Queue = [];
    /// <summary>Who has reported to this dispatcher. Only a cache of presence and load: whether she may take an
    /// offer is always asked of the program's roster in use (<see cref="ProgramDirectory.MayTakeOffersFrom"/>).</summary>
    [Id(1)] public Dictionary<string, RosterEntry> Roster { get; set; } = [];
    [Id(2)] public long Seq { get; set; }
    [Id(3)] public bool? WasOpen { get; set; }
    /// <summary>The day (Asia/Tokyo) <see cref="OverflowedOnDay"/> counts for: cases handed to the nurse pool, for the live board.</summary>
    [Id(4)] public DateOnly? OverflowDay { get; set; }
    [Id(5)] public int OverflowedOnDay { get; set; }
}
