using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Board;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The live board of this queue (<see cref="BoardSnapshot"/>), kept as a versioned snapshot: every pump bumps
/// the version, and so does time alone (an opening or closing, midnight) and a new program version in use; a reader that holds the current
/// version gets null, so the console can ask every second across the cluster for almost nothing.
/// The version starts at a random number in each activation, so a new activation never repeats an old one.
/// </summary>
public sealed partial class DispatcherGrain
{
    private long _boardVersion = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private DispatcherBoard? _board;
    private DateTimeOffset _boardStaleAt;

    // The program the board was built from: a new version in use (a name, hours, the roster) is a new board.
    private Tenancy.ProgramConfiguration? _boardProgram;

    public Task<DispatcherBoard?> GetBoardAsync(long knownVersion)
    {
        var now = clock.GetUtcNow();
        var program = directory.Program;
        if (_board is null || _board.Version != _boardVersion || now >= _boardStaleAt || !ReferenceEquals(program, _boardProgram))
        {
            if (_board is not null && _board.Version == _boardVersion)
            {
                _boardVersion++; // only time or the program moved: an opening, a closing, midnight, a saved program version
            }
            _boardProgram = program;
            _board = BoardSnapshot.Build(Profile, S, directory.Staff, now, _boardVersion);
            _boardStaleAt = BoardSnapshot.StaleAt(Profile, now);
        }
        return Task.FromResult(_board.Version == knownVersion ? null : _board);
    }

    /// <summary>After every pump: whatever it changed, the next reader gets a new board.</summary>
    private void BoardChanged() => _boardVersion++;

    /// <summary>
    /// Counts a case handed to the pool. Written by the commit the call that overflowed it waits for (a case that
    /// overflows because this queue is closed leaves without a pump, and a closed queue may sleep before the next one).
    /// </summary>
    private Task CountOverflowAsync()
    {
        BoardSnapshot.CountOverflow(S, clock.GetUtcNow());
        BoardChanged();
        return Task.CompletedTask;
    }
}
