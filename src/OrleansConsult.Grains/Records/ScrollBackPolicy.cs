namespace OrleansConsult.Grains.Records;

/// <summary>
/// The privacy rule of SNS counselling: on LINE a counselor may look back into a case she closed only within 24 hours
/// of its closing (a recap of its messages); after that, only a supervisor can, in the console. An open case is hers.
/// </summary>
public static class ScrollBackPolicy
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static bool MayScrollBack(DateTimeOffset? closedAt, DateTimeOffset now) =>
        closedAt is not { } closed || now - closed < Window;
}
