using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Host.Commands;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>The invite and staff commands, run in-process as `OrleansConsult.Host invite …` runs them.</summary>
public sealed partial class OperatorCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private string[] Settings(bool basicId = true) =>
    [
        "--Storage:Mode=Embedded",
        $"--Storage:DataPath={_data.Path}",
        $"--Program:File={HostRunner.SampleProgram}",
        "--Line:Channels:staff:Role=staff",
        .. basicId ? new[] { "--Line:Channels:staff:BasicId=@oc-staff" } : [],
    ];

    private static async Task<(int Exit, string Out, string Error)> RunAsync(Func<TextWriter, TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command(output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Out, string Error)> InviteAsync(params string[] args) =>
        RunAsync((o, e) => InviteCommand.RunAsync([.. args, .. Settings()], o, e));

    private SqlStaffInvitationStore Store()
    {
        var storage = new StorageOptions { DataPath = _data.Path };
        return new SqlStaffInvitationStore(new Database(storage), KeyRing.Load(null, storage));
    }

    [Fact]
    public async Task Invite_prints_the_code_and_the_link_and_writes_the_qr_code_of_the_link()
    {
        var png = Path.Combine(_data.Path, "sakura.png");
        var (exit, output, error) = await InviteAsync("toyama", "tym-c01", "--out", png);

        Assert.True(exit == 0, error);
        var code = CodeLine().Match(output).Groups[1].Value;
        Assert.NotNull(InvitationCode.Normalize(code));
        var link = $"https://line.me/R/oaMessage/%40oc-staff/?{code}";
        Assert.Contains($"Link: {link}", output);
        Assert.Contains($"QR code: {png}", output);
        Assert.Contains("tym-c01 (相談員 さくら) of toyama", output);

        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal(InvitationQrCode.Png(link), bytes); // the QR code of exactly that link

        // The printed code is the one stored (as a hash): it enrolls tym-c01 of toyama, once.
        var use = await Store().ConsumeAsync(code, "staff:Usakura", DateTimeOffset.UtcNow);
        Assert.True(use.Accepted);
        Assert.Equal(("toyama", "tym-c01"), (use.Invitation!.OwnerId, use.Invitation.StaffId));
        var list = await InviteAsync("list", "toyama");
        Assert.Matches($@"{use.Invitation.Id}\s+toyama\s+tym-c01\s+used", list.Out);
    }

    [Fact]
    public async Task Without_the_basic_id_it_prints_the_code_and_names_the_missing_setting()
    {
        var png = Path.Combine(_data.Path, "nurse.png");
        var (exit, output, _) = await RunAsync((o, e) => InviteCommand.RunAsync(["national", "nat-n01", "--out", png, .. Settings(basicId: false)], o, e));

        Assert.Equal(0, exit);
        var code = CodeLine().Match(output).Groups[1].Value;
        Assert.Contains("Line:Channels:staff:BasicId is not set", output);
        Assert.DoesNotContain("line.me", output);
        Assert.Equal(InvitationQrCode.Png(code), await File.ReadAllBytesAsync(png));
    }

    [Fact]
    public async Task Revoke_by_code_or_id_and_refusals_are_one_clear_line()
    {
        var first = await InviteAsync("toyama", "tym-c02", "--out", Path.Combine(_data.Path, "a.png"));
        var code = CodeLine().Match(first.Out).Groups[1].Value;
        var revoked = await InviteAsync("revoke", code.ToLowerInvariant());
        Assert.True(revoked.Exit == 0, revoked.Error);
        Assert.Contains("is revoked", revoked.Out);
        Assert.Equal(InvitationStatus.Revoked, (await Store().ConsumeAsync(code, "staff:U1", DateTimeOffset.UtcNow)).Outcome);

        var second = await InviteAsync("toyama", "tym-c02", "--out", Path.Combine(_data.Path, "b.png"));
        var id = IdLine().Match(second.Out).Groups[1].Value;
        Assert.Equal(0, (await InviteAsync("revoke", id)).Exit);
        Assert.Matches($@"{id}\s+toyama\s+tym-c02\s+revoked", (await InviteAsync("list")).Out);

        var unknown = await InviteAsync("revoke", InvitationCode.New());
        Assert.Equal((1, "No invitation has this id or code."), (unknown.Exit, unknown.Error.Trim()));
        var notHers = await InviteAsync("toyama", "nat-n01");
        Assert.Equal(1, notHers.Exit);
        Assert.Equal("'nat-n01' is not in the roster of 'toyama' in the program in use.", notHers.Error.Trim());
        Assert.Equal(1, (await InviteAsync("toyama")).Exit);
    }

    [Fact]
    public async Task Staff_unbind_reaches_the_running_host_and_ends_her_binding()
    {
        var settings = HostRunner.Embedded(_data.Path);
        await using var host = await HostRunner.StartAsync(settings);
        var issued = await host.Services.GetRequiredService<StaffInvitations>().IssueAsync("toyama", "tym-m01");
        var phone = host.Grains.GetGrain<IStaffLineUserGrain>(GrainKeys.LineUser("staff", "Uharuka"));
        await phone.AcceptAsync(Events.Text(issued.Code));
        Assert.True(await Eventually.TrueAsync(async () => await phone.GetCounselorIdAsync() == "tym-m01", TimeSpan.FromSeconds(10)));

        var (exit, output, error) = await RunAsync((o, e) => StaffCommand.RunAsync(
            ["unbind", "toyama", "tym-m01", $"--Orleans:GatewayPort={settings["Orleans:GatewayPort"]}", .. Settings()], o, e));

        Assert.True(exit == 0, error);
        Assert.Contains("tym-m01 of toyama is unbound from her LINE", output);
        Assert.Null((await host.Grains.GetGrain<ICounselorGrain>("tym-m01").GetSnapshotAsync()).StaffLineKey);
        var notHers = await RunAsync((o, e) => StaffCommand.RunAsync(["unbind", "toyama", "nobody", .. Settings()], o, e));
        Assert.Equal((1, "'nobody' is not in the roster of 'toyama' in the program in use."), (notHers.Exit, notHers.Error.Trim()));
    }

    [GeneratedRegex(@"^Code: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"^Invitation (inv-\S+) for", RegexOptions.Multiline)]
    private static partial Regex IdLine();
}
