using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrleansConsult.OperatorConsole.ProgramEditing;

/// <summary>
/// The console's forms write lists one item a line (受付時間 "火,木 09:00-13:00", 電話 "名称 | 番号 | 案内" …);
/// this turns program JSON into those lines and back. Only the shape of a line is checked here (with its
/// line number, in Japanese); the values are checked by the program loader's own rules when saved.
/// </summary>
public static partial class ProgramFormText
{
    private static readonly char[] ListSeparators = [',', '、', '，', '・', ' ', '　'];

    public static string Hours(JsonNode? hours) => Join(Items(hours).Select(h =>
        $"{string.Join(",", Strings(Child(h, "Days")).Concat(Strings(Child(h, "Day"))))} {Window(h)}"));

    /// <summary>"火,木,土 09:00-13:00" or "日 22:00-02:00" (to the next morning), one window a line.</summary>
    public static JsonArray ParseHours(string? text, string label, List<string> errors) => Parse(text, label, errors, "曜日 開始-終了（例: 火,木 09:00-13:00）", line =>
    {
        var match = DaysAndWindow().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var days = match.Groups[1].Value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new JsonObject
        {
            ["Days"] = new JsonArray(days.Select(d => (JsonNode)d).ToArray()),
            ["Start"] = match.Groups[2].Value,
            ["End"] = match.Groups[3].Value,
        };
    });

    public static string Windows(JsonNode? windows) => Join(Items(windows).Select(Window));

    /// <summary>"10:00-22:00", one window a line.</summary>
    public static JsonArray ParseWindows(string? text, string label, List<string> errors) => Parse(text, label, errors, "開始-終了（例: 10:00-22:00）", line =>
        WindowOnly().Match(line) is { Success: true } m ? new JsonObject { ["Start"] = m.Groups[1].Value, ["End"] = m.Groups[2].Value } : null);

    public static string OpenDays(JsonNode? days) => Join(Items(days).Select(d => $"{Text(Child(d, "Date"))} {Window(d)}"));

    /// <summary>"2026-12-29 10:00-16:00", one date a line.</summary>
    public static JsonArray ParseOpenDays(string? text, string label, List<string> errors) => Parse(text, label, errors, "日付 開始-終了（例: 2026-12-29 10:00-16:00）", line =>
        DateAndWindow().Match(line) is { Success: true } m
            ? new JsonObject { ["Date"] = m.Groups[1].Value, ["Start"] = m.Groups[2].Value, ["End"] = m.Groups[3].Value }
            : null);

    public static string Phones(JsonNode? phones) => Join(Items(phones).Select(p =>
        $"{Text(Child(p, "Label"))} | {Text(Child(p, "Number"))} | {Text(Child(p, "HoursText"))}"));

    /// <summary>"名称 | 番号 | 受付時間の案内" (the last part may be left out).</summary>
    public static JsonArray ParsePhones(string? text, string label, List<string> errors) => Parse(text, label, errors, "名称 | 番号 | 受付時間の案内", line =>
    {
        var parts = Parts(line);
        return parts.Length is 2 or 3
            ? new JsonObject { ["Label"] = parts[0], ["Number"] = parts[1], ["HoursText"] = parts.Length == 3 ? parts[2] : "" }
            : null;
    });

    public static string EmergencyContacts(JsonNode? contacts) => Join(Items(contacts).Select(c =>
        $"{Text(Child(c, "Label"))} | {Text(Child(c, "Number"))} | {Text(Child(c, "Note"))}"));

    /// <summary>"名称 | 番号 | いつ掛けるか" (the note may be left out).</summary>
    public static JsonArray ParseEmergencyContacts(string? text, string label, List<string> errors) => Parse(text, label, errors, "名称 | 番号 | いつ掛けるか", line =>
    {
        var parts = Parts(line);
        return parts.Length is 2 or 3 && parts[0].Length > 0 && parts[1].Length > 0
            ? new JsonObject { ["Label"] = parts[0], ["Number"] = parts[1], ["Note"] = parts.Length == 3 ? parts[2] : "" }
            : null;
    });

    public static string Faq(JsonNode? faq) => Join(Items(faq).Select(f =>
        $"{Text(Child(f, "Question"))} | {Text(Child(f, "Answer"))} | {string.Join(", ", Strings(Child(f, "Keywords")))}"));

    /// <summary>"質問 | 回答 | キーワード, キーワード" one entry a line.</summary>
    public static JsonArray ParseFaq(string? text, string label, List<string> errors) => Parse(text, label, errors, "質問 | 回答 | キーワード, キーワード", line =>
    {
        var parts = Parts(line);
        return parts.Length == 3
            ? new JsonObject { ["Question"] = parts[0], ["Answer"] = parts[1], ["Keywords"] = List(parts[2]) }
            : null;
    });

    /// <summary>The line that separates one 定型文 from the next in the form.</summary>
    public const string CannedSeparator = "---";

    public static string CannedReplies(JsonNode? replies) => string.Join($"\n{CannedSeparator}\n", Items(replies).Select(r =>
        $"{Text(Child(r, "Title"))}\n{Text(Child(r, "Text")).ReplaceLineEndings("\n")}"));

    /// <summary>
    /// 定型文, one block each, blocks separated by a line "---": the first line is the title (the button on LINE),
    /// the lines after it the text (several lines allowed).
    /// </summary>
    public static JsonArray ParseCannedReplies(string? text, string label, List<string> errors)
    {
        var items = new JsonArray();
        var block = new List<string>();
        var number = 0;
        var blockStart = 1;
        void Flush()
        {
            while (block.Count > 0 && string.IsNullOrWhiteSpace(block[0]))
            {
                block.RemoveAt(0);
                blockStart++;
            }
            if (block.Count == 0)
            {
                return;
            }
            var body = string.Join("\n", block.Skip(1)).Trim();
            if (body.Length == 0)
            {
                errors.Add($"{label} {blockStart}行目「{block[0].Trim()}」: 題名の次の行から本文を書いてください（定型文は「---」の行で区切ります）");
            }
            else
            {
                items.Add(new JsonObject { ["Title"] = block[0].Trim(), ["Text"] = body });
            }
        }
        foreach (var line in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            if (line.Trim() == CannedSeparator)
            {
                Flush();
                block.Clear();
                blockStart = number + 1;
                continue;
            }
            block.Add(line.TrimEnd());
        }
        Flush();
        return items;
    }

    public static string Areas(JsonNode? areas) => Join(Items(areas).Select(a => a is JsonValue
        ? Text(a)
        : Strings(Child(a, "Aliases")).ToList() is { Count: > 0 } aliases ? $"{Text(Child(a, "Name"))}: {string.Join(", ", aliases)}" : Text(Child(a, "Name"))));

    /// <summary>"富山県: とやま, toyama" (a name and its aliases) one area a line.</summary>
    public static JsonArray ParseAreas(string? text, string label, List<string> errors) => Parse(text, label, errors, "地域名: 別名, 別名", line =>
    {
        var colon = line.IndexOfAny([':', '：']);
        var name = (colon < 0 ? line : line[..colon]).Trim();
        return name.Length == 0 ? null : new JsonObject { ["Name"] = name, ["Aliases"] = colon < 0 ? new JsonArray() : List(line[(colon + 1)..]) };
    });

    public static string Lines(JsonNode? values) => Join(Strings(values));

    /// <summary>One value a line (dates, words, tenant ids).</summary>
    public static JsonArray ParseLines(string? text) =>
        new(SplitLines(text).Select(l => (JsonNode)l).ToArray());

    public static string Value(JsonNode? node) => Text(node);

    /// <summary>A single setting from a form field: null (the default applies) when left empty; whole numbers stay numbers.</summary>
    public static JsonNode? Optional(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
    }

    public static bool Flag(JsonNode? node, bool fallback) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when bool.TryParse(v.ToString(), out var parsed) => parsed,
        _ => fallback,
    };

    private static JsonArray Parse(string? text, string label, List<string> errors, string shape, Func<string, JsonObject?> parse)
    {
        var items = new JsonArray();
        var number = 0;
        foreach (var line in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (parse(line.Trim()) is { } item)
            {
                items.Add(item);
            }
            else
            {
                errors.Add($"{label} {number}行目「{line.Trim()}」: 「{shape}」の形で書いてください");
            }
        }
        return items;
    }

    private static string Window(JsonNode? node) => $"{Text(Child(node, "Start"))}-{Text(Child(node, "End"))}";

    private static string[] Parts(string line) => line.Split(['|', '｜'], StringSplitOptions.TrimEntries);

    private static JsonArray List(string text) =>
        new(text.Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode)s).ToArray());

    private static IEnumerable<string> SplitLines(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines);

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject obj => obj.Select(p => p.Value), // a list written as {"0": …} stays readable
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text).Where(s => s.Length > 0),
        JsonValue value => [Text(value)],
        _ => [],
    };

    private static JsonNode? Child(JsonNode? node, string key) =>
        node is JsonObject obj ? obj.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value : null;

    private static string Text(JsonNode? node) => node is JsonValue value ? value.ToString() : "";

    [GeneratedRegex(@"^(.+?)\s+(\d{1,2}:\d{2})\s*[-‐–〜~～]\s*(\d{1,2}:\d{2})$")]
    private static partial Regex DaysAndWindow();

    [GeneratedRegex(@"^(\d{1,2}:\d{2})\s*[-‐–〜~～]\s*(\d{1,2}:\d{2})$")]
    private static partial Regex WindowOnly();

    [GeneratedRegex(@"^(\S+)\s+(\d{1,2}:\d{2})\s*[-‐–〜~～]\s*(\d{1,2}:\d{2})$")]
    private static partial Regex DateAndWindow();
}
