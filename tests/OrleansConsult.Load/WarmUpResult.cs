namespace OrleansConsult.Load;

/// <summary>The warm-up's consultations and what they cost; its acks show the Host's first minute.</summary>
public sealed record WarmUpResult(int Consultees, int Connected, PhaseResult Phase, LatencySummary AckSetup, LatencySummary AckChat, LatencySummary Routing);
