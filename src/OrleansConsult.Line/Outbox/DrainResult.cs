namespace OrleansConsult.Line.Outbox;

public sealed record DrainResult(int Delivered, int Rescheduled, int Parked);
