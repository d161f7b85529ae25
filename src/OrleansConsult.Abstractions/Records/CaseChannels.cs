namespace OrleansConsult.Abstractions.Records;

/// <summary>The channels a case arrives by, as stored and shown.</summary>
public static class CaseChannels
{
    public const string Line = "LINE";
    public const string Phone = "電話";

    public static IReadOnlyList<string> All { get; } = [Line, Phone];
}
