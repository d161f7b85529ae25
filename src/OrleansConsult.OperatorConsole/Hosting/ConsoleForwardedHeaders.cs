using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>
/// Behind the ingress the console sees plain http: X-Forwarded-Proto tells it the browser used
/// https, so cookies get the Secure flag. Applied only to requests on the console port, which the
/// NetworkPolicy opens to the ingress controller alone; first in the pipeline (a startup filter).
/// </summary>
internal sealed class ConsoleForwardedHeaders(ConsolePort port) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseWhen(port.Serves, branch => branch.UseForwardedHeaders(options));
        next(app);
    };
}
