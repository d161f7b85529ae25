using System.Data.Common;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host.Commands;

/// <summary>
/// What an operator command needs, read exactly as the Host reads it (appsettings.json, the
/// environment's appsettings, environment variables, --settings): storage, key ring and program.
/// </summary>
public sealed class CommandContext
{
    private CommandContext(IConfiguration configuration, IHostEnvironment environment)
    {
        Configuration = configuration;
        Environment = environment;
        Storage = StorageSettings.Load(configuration);
        Program = StartingProgram.Load(configuration, environment.ContentRootPath, Storage).Program;
        Protector = KeyRing.Load(configuration[KeyRing.Setting], Storage);
        Database = new Database(Storage);
        Directory = new ProgramDirectory(Program);
        Invitations = new StaffInvitations(
            new SqlStaffInvitationStore(Database, Protector),
            Directory,
            new EngineClock(TimeProvider.System),
            EnrollmentSettings.Load(configuration));
    }

    public IConfiguration Configuration { get; }
    public IHostEnvironment Environment { get; }
    public StorageOptions Storage { get; }
    public ProgramConfiguration Program { get; }
    public PayloadProtector Protector { get; }
    public Database Database { get; }
    public StaffInvitations Invitations { get; }

    /// <summary>The program as the Host uses it: the configured file until <see cref="UseSavedProgramAsync"/> finds a saved version.</summary>
    public ProgramDirectory Directory { get; }

    public static CommandContext Load(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        return new CommandContext(builder.Configuration, builder.Environment);
    }

    /// <summary>The embedded file gets its schema as the Host would give it; PostgreSQL has its migrate Job.</summary>
    public async Task PrepareStorageAsync()
    {
        if (Storage.Mode == StorageMode.Embedded)
        {
            await new SchemaMigrator(Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        }
        await UseSavedProgramAsync();
    }

    /// <summary>
    /// The newest program version saved in the database (edited in the console), as the Host has it; the
    /// configured file only while none is saved (or the table is not there yet).
    /// </summary>
    public async Task UseSavedProgramAsync()
    {
        try
        {
            if (await new SqlProgramVersionStore(Database).CurrentAsync() is { } saved)
            {
                Directory.Use(ProgramConfigurationLoader.FromJson(saved.Json));
            }
        }
        catch (DbException)
        {
            // No program table yet (schema not migrated): the file is what the Host would import.
        }
    }

    /// <summary>Runs a command body; a refusal or a database without the schema is one clear line and exit code 1.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (EnrollmentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"Database error ({ex.Message.Split('\n')[0]}). Is the schema in place? Run the migrate command first.");
            return 1;
        }
    }
}
