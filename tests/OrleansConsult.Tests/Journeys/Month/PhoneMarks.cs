using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// Waiting for a message that arrived after a mark: over a month the same words reach one phone many times, so
/// "the next 新しい相談があります" is the first one after what she had when the step began.
/// </summary>
public static class PhoneMarks
{
    public static long Mark(this Phone phone) => phone.Inbox.Count == 0 ? 0 : phone.Inbox[^1].Sequence;

    public static async Task<Received> ExpectAfterAsync(this Phone phone, long mark, string fragment, int seconds = 20)
    {
        Received? found = null;
        var ok = await Eventually.TrueAsync(() =>
        {
            found = phone.Inbox.FirstOrDefault(m => m.Sequence > mark && m.Text.Contains(fragment, StringComparison.Ordinal));
            return Task.FromResult(found is not null);
        }, TimeSpan.FromSeconds(seconds));
        Assert.True(ok, $"{phone.UserId} never received '{fragment}' after #{mark}. Since then:\n" +
            string.Join("\n---\n", phone.Inbox.Where(m => m.Sequence > mark).Select(m => m.Text)));
        return found!;
    }

    /// <summary>Taps the button labelled exactly <paramref name="label"/> (quick replies clip labels; pass the clipped one).</summary>
    public static async Task TapLabelAsync(this Phone phone, Received message, string label)
    {
        var data = message.Buttons.FirstOrDefault(b => b.Label == label).Data;
        Assert.True(data is not null, $"no button '{label}' in: {string.Join(", ", message.Buttons.Select(b => b.Label))}");
        await phone.TapAsync(data);
    }
}
