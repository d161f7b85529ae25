namespace OrleansConsult.Grains;

/// <summary>Work that runs holding a one-at-a-time gate, which opens again when the work ends, also when it throws.</summary>
internal static class GateExtensions
{
    public static async Task<T> HoldingAsync<T>(this SemaphoreSlim gate, Func<Task<T>> work)
    {
        await gate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    public static async Task HoldingAsync(this SemaphoreSlim gate, Func<Task> work)
    {
        await gate.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            gate.Release();
        }
    }
}
