using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// The postback data of the LINE record and referral forms. It carries only numbers (the form, the step, a choice's
/// index), never the values: it stays a few characters long, and whatever a phone sends back is checked against
/// the form in her grain's state, so a forged or stale tap matches nothing and is ignored.
/// </summary>
public static partial class FormPostback
{
    public const string Record = "rec";
    public const string Referral = "ref";

    /// <summary>Anything longer is not ours (LINE allows 300 characters); it is not even parsed.</summary>
    public const int MaxLength = 64;

    /// <summary>Starts the record form of one of her cases (the reminder's and /一覧's buttons).</summary>
    public const string StartPrefix = "rec:case:";

    public static string Pick(string form, long number, int step, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{form}:{number}:{step}:{index}");

    public static string Word(string form, long number, int step, string word) =>
        string.Create(CultureInfo.InvariantCulture, $"{form}:{number}:{step}:{word}");

    public static string Start(string caseId) => StartPrefix + caseId;

    /// <summary>Whether the data is meant for a form at all (then nobody else handles it, even when it does not parse).</summary>
    public static bool IsForm(string data) =>
        data.StartsWith(Record + ":", StringComparison.Ordinal) || data.StartsWith(Referral + ":", StringComparison.Ordinal);

    /// <summary>A form tap, or null when the data is not a well-formed one.</summary>
    public static FormTap? Parse(string data)
    {
        if (data.Length > MaxLength || TapPattern().Match(data) is not { Success: true } m)
        {
            return null;
        }
        var number = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var step = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var last = m.Groups[4].Value;
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new FormTap(m.Groups[1].Value, number, step, index, null)
            : new FormTap(m.Groups[1].Value, number, step, null, last);
    }

    /// <summary>The case id of a start button, or null when the data is not one.</summary>
    public static string? ParseStart(string data) =>
        data.Length <= MaxLength && StartPattern().Match(data) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^(rec|ref):(\d{1,9}):(\d):(\d{1,2}|next|skip|later|done|noplace|cancel)$")]
    private static partial Regex TapPattern();

    [GeneratedRegex(@"^rec:case:([0-9A-Za-z]{1,40})$")]
    private static partial Regex StartPattern();
}
