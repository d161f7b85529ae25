namespace OrleansConsult.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider every grain uses (AdoNet on SQLite or PostgreSQL).</summary>
    public const string State = "state";
}
