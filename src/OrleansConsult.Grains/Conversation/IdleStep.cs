namespace OrleansConsult.Grains.Conversation;

/// <summary>What a connected case does about its consultee's silence when its idle deadline is checked.</summary>
public enum IdleStep
{
    /// <summary>Not yet due: check again later.</summary>
    Wait,
    /// <summary>Silent for <c>IdleWarnAfter</c> and not yet warned: the counselor is warned.</summary>
    Warn,
    /// <summary>Silent for <c>IdleCloseAfter</c>: the case closes.</summary>
    Close,
}
