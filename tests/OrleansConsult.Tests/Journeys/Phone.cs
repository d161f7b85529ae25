using System.Text.Json;
using OrleansConsult.LineSimulator;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>One message as it arrived on a simulated phone: its text (or alt text) and its buttons.</summary>
public sealed record Received(long Sequence, string Via, string Text, IReadOnlyList<(string Label, string? Data, string? Uri)> Buttons)
{
    public string? Postback(string labelStart) =>
        Buttons.FirstOrDefault(b => b.Data is not null && b.Label.StartsWith(labelStart, StringComparison.Ordinal)).Data;

    public static Received From(Delivery delivery)
    {
        var message = delivery.Message;
        var text = message.TryGetProperty("text", out var t) ? t.GetString()! : message.TryGetProperty("altText", out var a) ? a.GetString()! : "";
        var buttons = new List<(string, string?, string?)>();
        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("action", out var action) && action.TryGetProperty("label", out var label))
                {
                    buttons.Add((label.GetString()!, action.TryGetProperty("data", out var d) ? d.GetString() : null,
                        action.TryGetProperty("uri", out var u) ? u.GetString() : null));
                }
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
        Collect(message);
        return new Received(delivery.Sequence, delivery.Via, text, buttons);
    }
}

/// <summary>A simulated LINE user: sends signed webhooks through the simulator and reads what reached her phone.</summary>
public sealed class Phone(WebhookSender sender, string channel, string userId)
{
    private readonly SimulatedUser _user = sender.User(channel, userId);

    public string UserId => userId;

    public IReadOnlyList<Received> Inbox =>
        sender.Simulator.Deliveries(channel, userId).OrderBy(d => d.Sequence).Select(Received.From).ToList();

    public async Task SayAsync(string text) => Assert.Equal(200, (await _user.SendTextAsync(text)).StatusCode);

    public async Task TapAsync(string data) => Assert.Equal(200, (await _user.TapPostbackAsync(data)).StatusCode);

    public async Task FollowAsync() => Assert.Equal(200, (await _user.FollowAsync()).StatusCode);

    public int Count(string fragment) => Inbox.Count(m => m.Text.Contains(fragment, StringComparison.Ordinal));

    public async Task<Received> ExpectAsync(string fragment, int atLeast = 1, int seconds = 15)
    {
        Received? found = null;
        var ok = await Eventually.TrueAsync(() =>
        {
            var matching = Inbox.Where(m => m.Text.Contains(fragment, StringComparison.Ordinal)).ToList();
            found = matching.Count >= atLeast ? matching[^1] : null;
            return Task.FromResult(found is not null);
        }, TimeSpan.FromSeconds(seconds));
        Assert.True(ok, $"{channel}/{userId} never received '{fragment}' (x{atLeast}). Inbox:\n{string.Join("\n---\n", Inbox.Select(m => m.Text))}");
        return found!;
    }

    public async Task<string> AnswerOfferAsync(bool accept, int offerNumber = 1)
    {
        var card = await ExpectAsync("新しい相談があります", offerNumber);
        var data = card.Postback(accept ? "対応する" : "見送る") ?? throw new InvalidOperationException("offer card without buttons");
        await TapAsync(data);
        return data.Split(':')[^1];
    }
}
