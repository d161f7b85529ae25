namespace OrleansConsult.Tenancy;

public sealed record FaqEntry(string Question, string Answer, IReadOnlyList<string> Keywords);
