using Microsoft.AspNetCore.Routing;

namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>
/// A feature's API under /api (board, program, ...). Register an implementation in
/// <see cref="OperatorConsoleHosting.AddConsoleServices"/>; <see cref="Map"/> gets the console's API
/// group, already limited to the console port, signed-in accounts and the tenant/pool scope check.
/// </summary>
public interface IConsoleEndpoints
{
    void Map(RouteGroupBuilder api);
}
