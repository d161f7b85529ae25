namespace OrleansConsult.LineSimulator;

public sealed record UserPostback(string Data);
