namespace OrleansConsult.Tests.Infrastructure;

/// <summary>The repository's root folder (the one holding OrleansConsult.sln), found above the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "OrleansConsult.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("OrleansConsult.sln not found above the test folder");
    }
}
