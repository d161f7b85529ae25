using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.RichMenus;

/// <summary>LINE's limits on a rich menu, checked before the call so a bad menu names its field.</summary>
public static class RichMenuValidator
{
    public static void Validate(RichMenuRequest menu)
    {
        if (menu.Size != RichMenuSize.Full && menu.Size != RichMenuSize.Half)
        {
            throw new LineMessageValidationException("size", $"2500x1686 or 2500x843, got {menu.Size.Width}x{menu.Size.Height}");
        }
        if (string.IsNullOrEmpty(menu.Name) || menu.Name.Length > RichMenuRequest.MaxNameLength)
        {
            throw new LineMessageValidationException("name", $"1 to {RichMenuRequest.MaxNameLength} characters");
        }
        if (string.IsNullOrEmpty(menu.ChatBarText) || menu.ChatBarText.Length > RichMenuRequest.MaxChatBarTextLength)
        {
            throw new LineMessageValidationException("chatBarText", $"1 to {RichMenuRequest.MaxChatBarTextLength} characters");
        }
        if (menu.Areas.Count is 0 or > RichMenuRequest.MaxAreas)
        {
            throw new LineMessageValidationException("areas", $"1 to {RichMenuRequest.MaxAreas} areas");
        }
        foreach (var area in menu.Areas)
        {
            var b = area.Bounds;
            if (b.X < 0 || b.Y < 0 || b.Width <= 0 || b.Height <= 0 || b.X + b.Width > menu.Size.Width || b.Y + b.Height > menu.Size.Height)
            {
                throw new LineMessageValidationException("areas.bounds", "inside the menu");
            }
            var action = area.Action;
            var valid = action.Type switch
            {
                "message" => action.Text is { Length: > 0 and <= 300 },
                "postback" => action.Data is { Length: > 0 and <= 300 },
                _ => false,
            };
            if (!valid)
            {
                throw new LineMessageValidationException("areas.action", "a message (text) or postback (data) action of 1 to 300 characters");
            }
        }
    }
}
