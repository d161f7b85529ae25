namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>
/// Endpoint metadata: this endpoint belongs to the console and answers only on the console port.
/// The Host's port gate (ManagementEndpoints.UsePortSeparation) reads it before sign-in.
/// </summary>
public sealed class ConsoleEndpoint
{
    public static readonly ConsoleEndpoint Instance = new();

    private ConsoleEndpoint()
    {
    }
}
