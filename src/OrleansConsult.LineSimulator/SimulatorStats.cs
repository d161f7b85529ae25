namespace OrleansConsult.LineSimulator;

public sealed record SimulatorStats(long ApiCalls, long Delivered, long ReplyTokensIssued, long Conflicts, long InjectedFaults);
