namespace OrleansConsult.LineSimulator;

public sealed record ChannelView(string Name, string Role);
