using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Storage;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>The grain key a Host gives a LINE user: her channel and the keyed pseudonym of her id.</summary>
public static class HostKeys
{
    public static string LineUser(IServiceProvider hostServices, string channel, string userId) =>
        GrainKeys.LineUser(channel, hostServices.GetRequiredService<LinePseudonyms>().OfAsync(channel, userId).AsTask().GetAwaiter().GetResult());
}
