using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace OrleansConsult.Tenancy;

/// <summary>A JSON stream read by <see cref="IndexedJsonStreamConfigurationProvider"/>.</summary>
internal sealed class IndexedJsonStreamConfigurationSource : JsonStreamConfigurationSource
{
    public override IConfigurationProvider Build(IConfigurationBuilder builder) => new IndexedJsonStreamConfigurationProvider(this);
}
