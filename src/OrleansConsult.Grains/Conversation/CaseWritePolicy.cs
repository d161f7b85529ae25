namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// When a consultee's message must write the case: a plain chat message changes only her last-message time,
/// stored at most every <see cref="LastMessageSlack"/> (after a crash the idle warning could come a little early,
/// nothing more); any other change is written at once. Pure.
/// </summary>
public static class CaseWritePolicy
{
    public static readonly TimeSpan LastMessageSlack = TimeSpan.FromMinutes(5);

    public static bool MustWrite(bool changedMoreThanLastMessage, DateTimeOffset lastConsulteeAt, DateTimeOffset storedLastConsulteeAt) =>
        changedMoreThanLastMessage || lastConsulteeAt - storedLastConsulteeAt >= LastMessageSlack;
}
