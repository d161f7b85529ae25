using System.Text;
using Microsoft.Extensions.Configuration;

namespace OrleansConsult.Tenancy.Tests;

/// <summary>The indexed JSON provider the program loader uses reads exactly what the stock JSON provider reads.</summary>
public sealed class IndexedJsonConfigurationTests
{
    private const string Tricky = """
        { "Program": { "Tenants": {
            "b": { "Areas": [ { "Name": "x", "Aliases": [] }, { "Name": "y", "Aliases": [ "ｙ", "Y" ] } ], "Hours": [], "Phones": [ ] },
            "A": { "DisplayName": "大文字", "Nested": { "Deep": { "Deeper": 1 } }, "10": "ten", "9": "nine", "Empty": "" },
            "a:colon": "ignored-shape" } } }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_section_has_the_same_children_and_values_as_with_the_stock_provider(bool sample)
    {
        var json = sample ? File.ReadAllText(Sample.Path) : Tricky;
        var stock = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var indexed = new ConfigurationBuilder().Add(new IndexedJsonStreamConfigurationSource { Stream = new MemoryStream(Encoding.UTF8.GetBytes(json)) }).Build();

        var expected = Walk(stock);
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, Walk(indexed));
        // Section lookups are case-insensitive, as with the stock provider.
        Assert.Equal(stock.GetSection("program:tenants").GetChildren().Select(c => c.Key), indexed.GetSection("program:tenants").GetChildren().Select(c => c.Key));
    }

    /// <summary>Every section reached by asking for children, in the order they come, with its value.</summary>
    private static List<string> Walk(IConfiguration configuration)
    {
        var lines = new List<string>();
        void Visit(IEnumerable<IConfigurationSection> sections)
        {
            foreach (var section in sections)
            {
                lines.Add($"{section.Path}={section.Value}");
                Visit(section.GetChildren());
            }
        }
        Visit(configuration.GetChildren());
        return lines;
    }
}
