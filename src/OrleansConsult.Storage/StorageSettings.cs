using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OrleansConsult.Storage;

/// <summary>
/// Reads and validates the "Storage" section. A bad setting becomes one line that names the
/// setting, so the host can stop before it starts a silo.
/// </summary>
public static class StorageSettings
{
    public static StorageOptions Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.Section);
        var options = new StorageOptions();

        var mode = section["Mode"];
        if (!string.IsNullOrWhiteSpace(mode))
        {
            options.Mode = mode.Trim().ToLowerInvariant() switch
            {
                "embedded" or "sqlite" => StorageMode.Embedded,
                "postgresql" or "postgres" => StorageMode.PostgreSql,
                _ => throw new StorageConfigurationException(
                    $"Storage:Mode has the unknown value '{mode}'; use 'Embedded' (default) or 'PostgreSQL'."),
            };
        }

        if (section["DataPath"] is { Length: > 0 } dataPath)
        {
            options.DataPath = dataPath;
        }

        options.ConnectionString = section["ConnectionString"];
        if (section["MigrateOnStart"] is { Length: > 0 } migrate)
        {
            if (!bool.TryParse(migrate, out var value))
            {
                throw new StorageConfigurationException($"Storage:MigrateOnStart must be true or false, not '{migrate}'.");
            }
            options.MigrateOnStart = value;
        }

        Validate(options);
        return options;
    }

    public static void Validate(StorageOptions options)
    {
        switch (options.Mode)
        {
            case StorageMode.PostgreSql:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new StorageConfigurationException(
                        "Storage:ConnectionString is required when Storage:Mode is PostgreSQL (e.g. Host=db;Database=orleansconsult;Username=app;Password=...).");
                }
                try
                {
                    _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                }
                catch (ArgumentException ex)
                {
                    throw new StorageConfigurationException($"Storage:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
                }
                break;
            case StorageMode.Embedded:
                if (string.IsNullOrWhiteSpace(options.DataPath))
                {
                    throw new StorageConfigurationException("Storage:DataPath must name a folder for the embedded database.");
                }
                break;
        }
    }

    /// <summary>The ADO.NET invariant the Orleans AdoNet providers load for this mode.</summary>
    public static string Invariant(this StorageOptions options) => options.Mode switch
    {
        StorageMode.PostgreSql => "Npgsql",
        // Orleans names SQLite "System.Data.SQLite" and loads Microsoft.Data.Sqlite's factory for it.
        _ => "System.Data.SQLite",
    };

    /// <summary>The connection string handed to every AdoNet provider and to our own stores.</summary>
    public static string EffectiveConnectionString(this StorageOptions options) => options.Mode switch
    {
        StorageMode.PostgreSql => WithConnectionDefaults(options.ConnectionString!),
        _ => new SqliteConnectionStringBuilder
        {
            DataSource = options.SqliteFilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            // Writers wait for each other instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
        }.ToString(),
    };

    /// <summary>
    /// Npgsql multiplexing on unless the operator set it: concurrent grains' statements share
    /// connections and leave in one network write. Every statement here is single or in an explicit
    /// transaction (which multiplexing supports), nothing relies on session state. Measured with the load
    /// generator (200 consultees, PostgreSQL): webhook ack p99 ~550 ms without, ~350 ms with (docs/performance.md).
    /// Automatic preparation likewise, unless set: the same few statements (grain state, transcript, outbox)
    /// run thousands of times, and a profile of the closed loop showed PostgreSQL parsing each one anew
    /// (docs/performance.md, issue 14, fourth part).
    /// </summary>
    private static string WithConnectionDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Multiplexing"))
        {
            builder.Multiplexing = true;
        }
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }
        return builder.ConnectionString;
    }

    /// <summary>Statements kept prepared per connection: every distinct hot statement fits, with room for the multi-row inserts' few shapes.</summary>
    internal const int AutoPreparedStatements = 64;
}
