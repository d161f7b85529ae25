namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.StaffLineUserState")]
public sealed class StaffLineUserState : LineUserState
{
    /// <summary>The counselor this LINE user enrolled as; null until a valid invitation (or, in Development, a program file code).</summary>
    [Id(0)] public string? CounselorId { get; set; }
}
