using OrleansConsult.Line;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.ProgramEditing;

/// <summary>
/// A tenant's LINE entry link (line.me/R/oaMessage with its entry code, which routes the consultee to
/// it) on the consultee account, whose basic id is Line:Channels:{consultee channel}:BasicId.
/// </summary>
public sealed class EntryLinks(LineOptions line)
{
    public string? BasicId { get; } = line.Channels.Values.FirstOrDefault(c => c.Role == LineChannelRole.Consultee)?.BasicId?.Trim() is { Length: > 0 } id ? id : null;

    public string SettingName => $"Line:Channels:{line.Channels.FirstOrDefault(c => c.Value.Role == LineChannelRole.Consultee).Key ?? "{consultee channel}"}:BasicId";

    /// <summary>Null while the basic id is not configured.</summary>
    public string? For(TenantSettings tenant) => BasicId is { } id ? tenant.EntryLink(id) : null;
}
