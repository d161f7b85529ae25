namespace OrleansConsult.Grains.Programs;

/// <summary>
/// Who saves an edit and why. <paramref name="BasedOn"/> is the version the editor was shown: when set and
/// another version has been saved since, the edit is refused rather than silently undoing that one.
/// <paramref name="Scoped"/>: the editor administers some tenants only, so a refusal never names another
/// tenant's settings.
/// </summary>
public sealed record ProgramEditContext(string Author, string? Comment = null, int? BasedOn = null, bool Scoped = false);
