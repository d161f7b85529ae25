namespace OrleansConsult.Tests.Infrastructure;

/// <summary>Polls a condition that real infrastructure (a reminder, a cluster) makes true in its own time.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // The cluster may still be settling (e.g. a dead silo not yet declared dead).
            }
            await Task.Delay(25);
        }
        return false;
    }
}
