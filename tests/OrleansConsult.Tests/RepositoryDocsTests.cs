using System.Text.RegularExpressions;

namespace OrleansConsult.Tests;

/// <summary>README.md and docs/ stand alone: what they point at is in the repository, and CI runs what the README says.</summary>
public sealed partial class RepositoryDocsTests
{
    private static readonly string Root = OrleansConsult.Tests.Infrastructure.RepositoryRoot.Path;

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order())
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_file_a_document_names_is_in_the_repository(string document)
    {
        var text = File.ReadAllText(Path.Combine(Root, document));
        var folder = Path.GetDirectoryName(Path.Combine(Root, document))!;

        Assert.DoesNotMatch(OutsidePath(), text);
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups[1].Value.Split('#')[0];
            Assert.True(File.Exists(Path.Combine(folder, target)) || Directory.Exists(Path.Combine(folder, target)),
                $"{document} links to {target}, which does not exist");
        }
        foreach (Match quoted in QuotedRepositoryPath().Matches(text))
        {
            var path = quoted.Groups[1].Value.TrimEnd('/');
            if (path.Contains("/bin/", StringComparison.Ordinal) || path.Contains('*') || path.Contains('{') || !Path.HasExtension(path))
            {
                continue; // build output, a pattern, or a folder made at run time (src/OrleansConsult.Host/data)
            }
            Assert.True(File.Exists(Path.Combine(Root, path)) || Directory.Exists(Path.Combine(Root, path)),
                $"{document} names {path}, which does not exist");
        }
    }

    [Fact]
    public void Ci_runs_the_readmes_test_command_with_a_hang_bound()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var command = TestCommand().Match(readme);
        Assert.True(command.Success, "README.md has no test command under 'Run the tests'");
        var ci = File.ReadAllLines(Path.Combine(Root, ".ci", "run"));
        var line = Assert.Single(ci, l => l.TrimStart().StartsWith(command.Groups[1].Value + " ", StringComparison.Ordinal));
        Assert.Matches(@"--blame-hang-timeout \d+m", line);
    }

    /// <summary>A path that climbs out of the repository (../shared/…) or into the machine's scratch space (/tmp/…) as a source.</summary>
    [GeneratedRegex(@"`\.\./|\]\(\.\./\.\./|\.\./shared|/tmp/[A-Za-z]+\.md")]
    private static partial Regex OutsidePath();

    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`((?:src|tests|k8s|docs)/[^`\s]+)`")]
    private static partial Regex QuotedRepositoryPath();

    [GeneratedRegex(@"## Run the tests\s+```sh\s+([^\n]+?)\s*\n")]
    private static partial Regex TestCommand();
}
