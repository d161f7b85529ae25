namespace OrleansConsult.Grains.Programs;

/// <summary>What an edit did: the new version's number, or the reasons (Japanese) it was refused; neither when nothing changed.</summary>
public sealed record ProgramEditResult(int? Version, IReadOnlyList<string> Errors)
{
    public bool Saved => Version is not null;

    public bool Refused => Errors.Count > 0;

    public static ProgramEditResult Refuse(params string[] errors) => new(null, errors);

    public static readonly ProgramEditResult Unchanged = new(null, []);
}
