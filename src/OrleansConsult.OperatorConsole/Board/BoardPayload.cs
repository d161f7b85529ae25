using OrleansConsult.Abstractions;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>What the board API and its server-sent events carry: the boards in view and when they were read.</summary>
public sealed record BoardPayload(DateTimeOffset At, IReadOnlyList<DispatcherBoard> Boards);
