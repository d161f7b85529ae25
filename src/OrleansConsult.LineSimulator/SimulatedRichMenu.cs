using OrleansConsult.Line.RichMenus;

namespace OrleansConsult.LineSimulator;

/// <summary>A rich menu on the simulated platform: its definition and, once uploaded, its image.</summary>
public sealed record SimulatedRichMenu(string Channel, string RichMenuId, RichMenuRequest Menu, DateTimeOffset CreatedAt)
{
    public byte[]? Image { get; set; }
    public string? ImageType { get; set; }
}
