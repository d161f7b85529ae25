using System.Text;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// After a whole consultation on the embedded default, the database files (with -wal and -shm)
/// hold none of the LINE user ids or message texts used, in any of the encodings a careless copy
/// would leave: UTF-8, UTF-16, hex and base64.
/// </summary>
public sealed class BytesAtRestTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Fact]
    public async Task No_user_id_or_message_text_is_readable_in_the_embedded_database_files()
    {
        using var data = new TempFolder();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var herId = "Uatrest" + suffix;
        var staffId = "Ustaffatrest" + suffix;
        var secrets = new List<string> { herId, staffId };
        await using (var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), HostRunner.Embedded(data.Path)))
        {
            var counselor = await journey.OnShiftAsync(staffId, Sakura);
            var she = await journey.ReadyConsulteeAsync(herId, "高岡市");
            await she.SayAsync("相談する");
            await counselor.AnswerOfferAsync(accept: true);
            await she.ExpectAsync("相談員とつながりました");
            foreach (var (from, to, text) in new[]
            {
                (she, counselor, "生理が三週間きていません" + suffix),
                (counselor, she, "検査薬は使ってみましたか" + suffix),
                (she, counselor, "陽性でした誰にも言えません" + suffix),
            })
            {
                await from.SayAsync(text);
                await to.ExpectAsync(text);
                secrets.Add(text);
            }
            await counselor.SayAsync("/終了");
            await she.ExpectAsync("ご相談ありがとうございました");
        }

        var files = Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "transcript-keys")
            .ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in secrets)
            {
                foreach (var (encoding, pattern) in Encodings(secret))
                {
                    if (bytes.AsSpan().IndexOf(pattern) >= 0)
                    {
                        found.Add($"{Path.GetFileName(file)}: {encoding} of a {(secret.StartsWith('U') ? "user id" : "message")}");
                    }
                }
            }
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>The byte patterns a value leaves in each encoding (base64 at each of its three alignments).</summary>
    private static IEnumerable<(string Encoding, byte[] Pattern)> Encodings(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        yield return ("UTF-8", utf8);
        yield return ("UTF-16LE", Encoding.Unicode.GetBytes(value));
        yield return ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(value));
        yield return ("hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(utf8)));
        yield return ("HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8)));
        for (var shift = 0; shift < 3; shift++)
        {
            var base64 = Convert.ToBase64String([.. new byte[shift], .. utf8]);
            // Drop the characters the alignment bytes touch and the padded tail: what any copy shares.
            var touched = (8 * shift + 5) / 6;
            var stable = base64[touched..^4];
            yield return ("base64", Encoding.ASCII.GetBytes(stable));
        }
    }
}
