using System.Globalization;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;

namespace OrleansConsult.Host.Commands;

/// <summary>
/// invite &lt;tenant&gt; &lt;staffId&gt; [--out file.png] | invite list [tenant] | invite revoke &lt;code-or-id&gt;.
/// A thin wrapper over <see cref="StaffInvitations"/>: needs the database, not a running Host.
/// </summary>
public static class InviteCommand
{
    public const string Usage = """
        usage: invite <tenant-or-pool> <staffId> [--out invite-<staffId>.png]
               invite list [tenant-or-pool]
               invite revoke <code-or-invitation-id>
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, "out");
        var words = line.Words;
        if (words.Count == 0 || (words[0] == "list" ? words.Count > 2 : words.Count != 2))
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }
        var context = CommandContext.Load(line.Settings);
        return await CommandContext.GuardAsync(error, async () =>
        {
            await context.PrepareStorageAsync();
            return words[0] switch
            {
                "list" => await ListAsync(context.Invitations, words.Count > 1 ? words[1] : null, output),
                "revoke" => await RevokeAsync(context.Invitations, words[1], output, error),
                _ => await IssueAsync(context, words[0], words[1], line.Option("out"), output),
            };
        });
    }

    private static async Task<int> IssueAsync(CommandContext context, string ownerId, string staffId, string? outPath, TextWriter output)
    {
        var issued = await context.Invitations.IssueAsync(ownerId, staffId);
        var invitation = issued.Invitation;
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(outPath) ? $"invite-{issued.Staff.Id}.png" : outPath);
        await File.WriteAllBytesAsync(path, InvitationQrCode.Png(issued.Link ?? issued.Code));

        await output.WriteLineAsync($"Invitation {invitation.Id} for {issued.Staff.Id} ({issued.Staff.DisplayName}) of {invitation.OwnerId}: single use, valid until {Tokyo(invitation.ExpiresAt)} (Asia/Tokyo).");
        await output.WriteLineAsync($"Code: {issued.Code}");
        await output.WriteLineAsync(issued.Link is { } link
            ? $"Link: {link}"
            : $"Link: none, {EnrollmentSettings.BasicIdSetting(context.Configuration)} is not set (the staff account's basic id, e.g. @123abcde); she sends the code to the staff account instead.");
        await output.WriteLineAsync($"QR code: {path}");
        await output.WriteLineAsync("The code is shown only now and stored only as a hash. Hand it to her in person or on a trusted channel; any earlier open invitation of hers is revoked.");
        return 0;
    }

    private static async Task<int> ListAsync(StaffInvitations invitations, string? ownerId, TextWriter output)
    {
        var list = await invitations.ListAsync(ownerId);
        if (list.Count == 0)
        {
            await output.WriteLineAsync("No invitations.");
            return 0;
        }
        var now = invitations.Now;
        await output.WriteLineAsync($"{"id",-13} {"tenant",-16} {"staff",-16} {"status",-8} {"created",-16}  expires (Asia/Tokyo)");
        foreach (var i in list)
        {
            await output.WriteLineAsync($"{i.Id,-13} {i.OwnerId,-16} {i.StaffId,-16} {Status(i.StatusAt(now)),-8} {Tokyo(i.CreatedAt),-16}  {Tokyo(i.ExpiresAt)}");
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(StaffInvitations invitations, string idOrCode, TextWriter output, TextWriter error)
    {
        var invitation = await invitations.RevokeAsync(idOrCode);
        if (invitation is null)
        {
            await error.WriteLineAsync("No invitation has this id or code.");
            return 1;
        }
        var status = invitation.StatusAt(invitations.Now);
        if (status != InvitationStatus.Revoked)
        {
            await error.WriteLineAsync($"Invitation {invitation.Id} ({invitation.StaffId} of {invitation.OwnerId}) is {Status(status)}, not revoked: a used invitation is ended with `staff unbind`.");
            return 1;
        }
        await output.WriteLineAsync($"Invitation {invitation.Id} ({invitation.StaffId} of {invitation.OwnerId}) is revoked.");
        return 0;
    }

    private static string Status(InvitationStatus status) => status.ToString().ToLowerInvariant();

    private static string Tokyo(DateTimeOffset instant) =>
        Tenancy.JapaneseCalendar.ToTokyo(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
