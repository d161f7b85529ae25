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
        Program = ProgramSettings.Load(configuration, environment.ContentRootPath);
        Protector = KeyRing.Load(configuration[KeyRing.Setting], Storage);
        Database = new Database(Storage);
        Invitations = new StaffInvitations(
            new SqlStaffInvitationStore(Database, Protector),
            new ProgramDirectory(Program),
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
