namespace OrleansConsult.Host;

/// <summary>
/// Keeps the management port, the console port and the public port apart, by the local port the connection came
/// in on (never by the Host header, which a caller chooses): an endpoint marked with
/// <see cref="RequireManagementPort{TBuilder}"/> answers only there, every other endpoint only
/// on the public port. Anything else is 404, as if the path did not exist.
/// </summary>
public static class ManagementEndpoints
{
    public static TBuilder RequireManagementPort<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(ManagementOnly.Instance));
        return builder;
    }

    /// <summary>
    /// Routing, then the port check, then sign-in: a request for /dashboard on the public port is
    /// 404 before anyone is asked for a password.
    /// </summary>
    public static void UsePortSeparation(WebApplication app)
    {
        var management = app.Services.GetRequiredService<ManagementPort>();
        var console = app.Services.GetRequiredService<OperatorConsole.Hosting.ConsolePort>();
        app.UseRouting();
        app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var onManagementPort = context.Connection.LocalPort == management.Port;
            var managementOnly = endpoint?.Metadata.GetMetadata<ManagementOnly>() is not null;
            // The console's own listener likewise: console endpoints only there, nothing else there.
            var onConsolePort = console.Serves(context);
            var consoleOnly = endpoint?.Metadata.GetMetadata<OperatorConsole.Hosting.ConsoleEndpoint>() is not null;
            if (endpoint is not null && (onManagementPort != managementOnly || onConsolePort != consoleOnly))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
    }

    private sealed class ManagementOnly
    {
        public static readonly ManagementOnly Instance = new();
    }
}
