namespace OrleansConsult.Abstractions;

/// <summary>Who wrote a transcript line.</summary>
[GenerateSerializer, Alias("oc.TranscriptAuthor")]
public enum TranscriptAuthor
{
    Consultee = 0,
    Counselor = 1,
    Bot = 2,
}
