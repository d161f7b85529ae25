using System.Text;

namespace OrleansConsult.Grains.Records;

/// <summary>A case tag as she types it after a command: 「#k3f2」, 「＃Ｋ３Ｆ２」 or 「K3F2」 all mean #K3F2.</summary>
public static class CaseTagArgument
{
    public static string? Normalize(string argument)
    {
        var first = argument.Normalize(NormalizationForm.FormKC).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null)
        {
            return null;
        }
        var body = first.TrimStart('#').ToUpperInvariant();
        return body.Length is > 0 and <= 8 && body.All(char.IsAsciiLetterOrDigit) ? "#" + body : null;
    }
}
