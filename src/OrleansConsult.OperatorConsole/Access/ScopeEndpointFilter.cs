using Microsoft.AspNetCore.Http;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary>Applies <see cref="ScopeRoute"/> to every endpoint of the console's API route group.</summary>
internal sealed class ScopeEndpointFilter(IConsoleAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ScopeRoute.Permits(context.HttpContext, context.HttpContext.Request.RouteValues, access)
            ? await next(context)
            : Results.NotFound();
}
