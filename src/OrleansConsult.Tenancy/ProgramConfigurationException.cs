namespace OrleansConsult.Tenancy;

/// <summary>Every problem found in the program configuration, one line each, naming the setting path.</summary>
public sealed class ProgramConfigurationException(IReadOnlyList<string> errors)
    : Exception(errors.Count == 1
        ? errors[0]
        : $"{errors.Count} problems in the program configuration:{Environment.NewLine}" + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
