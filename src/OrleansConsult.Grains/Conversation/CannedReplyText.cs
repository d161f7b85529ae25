using OrleansConsult.Grains.Texts;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Fills a 定型文's placeholders for one case: {area} her area, {phones} the tenant's phone numbers (one a line,
/// as the bot lists them), {hours} the tenant's opening hours as the bot says them. Unknown braces stay as written.
/// </summary>
public static class CannedReplyText
{
    public static string Fill(string text, string areaName, TenantSettings? tenant, DispatcherProfile? tenantProfile)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phones = tenant?.Phones ?? [];
        return text
            .Replace("{area}", areaName, StringComparison.Ordinal)
            .Replace("{phones}", phones.Count == 0
                ? BotText.Get("Canned.NoPhones")
                : string.Join("\n", phones.Select(p => string.IsNullOrEmpty(p.HoursText) ? $"・{p.Label} {p.Number}" : $"・{p.Label} {p.Number}（{p.HoursText}）")),
                StringComparison.Ordinal)
            .Replace("{hours}", tenantProfile?.Schedule.DescribeWeeklyHours() ?? "", StringComparison.Ordinal);
    }
}
