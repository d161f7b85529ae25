using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests;

/// <summary>No file that ships (README, docs, k8s) holds a code that enrolls anyone.</summary>
public sealed class NothingShippedEnrollsTests
{
    private static readonly string Root = OrleansConsult.Tests.Infrastructure.RepositoryRoot.Path;

    [Fact]
    public void No_program_under_k8s_holds_an_enrollment_code()
    {
        var programs = Directory.EnumerateFiles(Path.Combine(Root, "k8s"), "*.json", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("\"Tenants\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(programs);
        Assert.All(programs, f => Assert.Equal(0, ProgramConfigurationLoader.FromFile(f).EnrollmentCodeCount));
    }

    [Fact]
    public void No_readme_doc_or_manifest_prints_a_sample_code()
    {
        var sample = ProgramConfigurationLoader.FromFile(Path.Combine(Root, "src", "OrleansConsult.Tenancy", "Samples", "program.sample.json"));
        var codes = sample.AllStaff.Select(s => s.EnrollmentCode).OfType<string>().ToList();
        Assert.NotEmpty(codes);
        var shipped = Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "k8s"), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var found = shipped.SelectMany(file => codes
                .Where(code => File.ReadAllText(file).Contains(code, StringComparison.OrdinalIgnoreCase))
                .Select(code => $"{Path.GetRelativePath(Root, file)}: {code}"))
            .ToList();
        Assert.Empty(found);
    }
}
