namespace OrleansConsult.Storage;

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageMode Mode { get; set; } = StorageMode.Embedded;

    /// <summary>Folder of the embedded SQLite file (Storage:DataPath).</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>Npgsql connection string (Storage:ConnectionString), required in PostgreSql mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply the schema at start-up (Storage:MigrateOnStart). Always on for the embedded default.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// PostgreSQL: grain-state writes of many grains leave in one statement (Storage:BatchGrainStateWrites,
    /// on unless set false). Off, each write is the AdoNet provider's own statement.
    /// </summary>
    public bool BatchGrainStateWrites { get; set; } = true;

    public const string SqliteFileName = "orleansconsult.db";

    public string SqliteFilePath => Path.GetFullPath(Path.Combine(DataPath, SqliteFileName));
}
