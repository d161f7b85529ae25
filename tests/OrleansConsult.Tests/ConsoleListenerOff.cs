using System.Runtime.CompilerServices;

namespace OrleansConsult.Tests;

/// <summary>
/// Hosts started by these tests (many at once, in-process and as child processes, which inherit
/// this environment) do not open the operator console's listener: its default port 5100 would be
/// taken by the first and fail the others. The console's own tests run it on free ports.
/// </summary>
internal static class ConsoleListenerOff
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("Console__Port") is null)
        {
            Environment.SetEnvironmentVariable("Console__Port", "0");
        }
    }
}
