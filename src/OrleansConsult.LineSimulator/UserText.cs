namespace OrleansConsult.LineSimulator;

public sealed record UserText(string Text);
