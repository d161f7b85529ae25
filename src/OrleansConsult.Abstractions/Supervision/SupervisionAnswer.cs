namespace OrleansConsult.Abstractions;

/// <summary>How a case answered a supervisor's watch, whisper, takeover or leave.</summary>
[GenerateSerializer, Alias("oc.SupervisionAnswer")]
public enum SupervisionAnswer
{
    Done = 0,
    /// <summary>The case is not in a chat with a counselor (waiting, ended).</summary>
    NotConnected = 1,
    /// <summary>She is not an active supervisor of the case's tenant or pool.</summary>
    NotHerCase = 2,
    /// <summary>She was not watching it (退出 twice).</summary>
    NotWatching = 3,
}
