namespace OrleansConsult.Abstractions;

public static class GrainKeys
{
    public static string LineUser(string channel, string lineUserId) => $"{channel}:{lineUserId}";

    /// <summary>Splits "{channel}:{lineUserId}" (LINE user ids never contain ':').</summary>
    public static (string Channel, string UserId) SplitLineUser(string key)
    {
        var at = key.LastIndexOf(':');
        return (key[..at], key[(at + 1)..]);
    }
}
