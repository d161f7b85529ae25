namespace OrleansConsult.Abstractions;

/// <summary>A counselor's or nurse's LINE user on the staff channel, keyed "{channel}:{lineUserId}".</summary>
[Alias("oc.IStaffLineUserGrain")]
public interface IStaffLineUserGrain : ILineUserGrain
{
    [Alias("GetCounselorId")]
    Task<string?> GetCounselorIdAsync();
}
