using Orleans.Configuration;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Storage;

namespace OrleansConsult.Host.Commands;

/// <summary>
/// staff unbind &lt;tenant&gt; &lt;staffId&gt;: ends a staff member's LINE binding in the running cluster
/// (as an Orleans client through a gateway), so her old phone gets nothing further. Invite her
/// again for a new phone.
/// </summary>
public static class StaffCommand
{
    public const string Usage = "usage: staff unbind <tenant-or-pool> <staffId>";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args);
        if (line.Words is not ["unbind", _, _])
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }
        var context = CommandContext.Load(line.Settings);
        await context.UseSavedProgramAsync();
        // Refuse before connecting: a typo should not need a cluster to be told.
        try
        {
            context.Invitations.RosterMember(line.Words[1], line.Words[2]);
        }
        catch (EnrollmentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        using var client = BuildClient(context);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.StartAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OrleansException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync($"Could not reach a running OrleansConsult cluster ({ex.GetType().Name}): unbinding needs the Host running with the same storage settings.");
            return 1;
        }
        try
        {
            var bindings = new StaffBindings(client.Services.GetRequiredService<IClusterClient>(), context.Invitations);
            var result = await bindings.UnbindAsync(line.Words[1], line.Words[2]);
            await output.WriteLineAsync(result.WasBound
                ? $"{line.Words[2]} of {line.Words[1]} is unbound from her LINE: {result.CasesHandedBack} open case(s) handed back, {result.OffersDeclined} offer(s) returned. Her old LINE gets nothing further; invite her again for a new phone."
                : $"{line.Words[2]} of {line.Words[1]} had no LINE binding; nothing changed.");
            return 0;
        }
        finally
        {
            await client.StopAsync();
        }
    }

    /// <summary>A client of the same cluster the Host forms: localhost gateway (embedded) or the membership table (PostgreSQL).</summary>
    private static IHost BuildClient(CommandContext context)
    {
        var cluster = ClusterSettings.Load(context.Configuration);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            if (context.Storage.Mode == StorageMode.Embedded)
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                return;
            }
            // In a pod the cluster ids come from the pod's labels, as for the silo (see KubernetesPod).
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = Environment.GetEnvironmentVariable("ORLEANS_CLUSTER_ID") is { Length: > 0 } id ? id : cluster.ClusterId;
                o.ServiceId = Environment.GetEnvironmentVariable("ORLEANS_SERVICE_ID") is { Length: > 0 } service ? service : cluster.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = context.Storage.Invariant();
                o.ConnectionString = context.Storage.EffectiveConnectionString();
            });
        });
        return builder.Build();
    }
}
