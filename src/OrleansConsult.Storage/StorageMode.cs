namespace OrleansConsult.Storage;

/// <summary>Where grain state, reminders and (in PostgreSQL mode) cluster membership live.</summary>
public enum StorageMode
{
    /// <summary>SQLite file under <see cref="StorageOptions.DataPath"/>, localhost clustering. No server needed.</summary>
    Embedded,

    /// <summary>PostgreSQL through Npgsql for state, clustering and reminders; several silos form one cluster.</summary>
    PostgreSql,
}
