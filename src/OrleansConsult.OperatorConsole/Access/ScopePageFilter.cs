using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary>Applies <see cref="ScopeRoute"/> to every console Razor Page (registered once, globally).</summary>
internal sealed class ScopePageFilter(IConsoleAccess access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!ScopeRoute.Permits(context.HttpContext, context.RouteData.Values, access))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
