namespace OrleansConsult.Line.Messaging;

/// <summary>
/// The documented limits of the Messaging API, checked before a request leaves (LINE would
/// answer 400 and the message would be lost). The simulator applies the same checks.
/// </summary>
public static class LineMessageValidator
{
    public const int MaxMessagesPerRequest = 5;
    public const int MaxTextLength = 5000;
    public const int MaxQuickReplyItems = 13;
    public const int MaxActionLabel = 20;
    public const int MaxFlexActionLabel = 40;
    public const int MaxPostbackData = 300;
    public const int MaxDisplayText = 300;
    public const int MaxMessageActionText = 300;
    public const int MaxUri = 1000;
    public const int MaxTemplateAltText = 400;
    public const int MaxFlexAltText = 1500;
    public const int MaxButtonsText = 160;
    public const int MaxButtonsTextWithTitle = 60;
    public const int MaxButtonsTitle = 40;
    public const int MaxButtonsActions = 4;
    public const int MaxConfirmText = 240;
    public const int MaxMulticastRecipients = 500;

    public static void ValidateMessages(IReadOnlyList<LineMessage>? messages)
    {
        if (messages is null || messages.Count == 0)
        {
            throw new LineMessageValidationException("messages", "at least 1 message is required");
        }
        if (messages.Count > MaxMessagesPerRequest)
        {
            throw new LineMessageValidationException("messages", $"at most {MaxMessagesPerRequest} messages per request, got {messages.Count}");
        }
        for (var i = 0; i < messages.Count; i++)
        {
            Validate(messages[i], $"messages[{i}]");
        }
    }

    public static void ValidateRecipients(IReadOnlyList<string>? to)
    {
        if (to is null || to.Count == 0)
        {
            throw new LineMessageValidationException("to", "at least 1 recipient is required");
        }
        if (to.Count > MaxMulticastRecipients)
        {
            throw new LineMessageValidationException("to", $"at most {MaxMulticastRecipients} recipients, got {to.Count}");
        }
        for (var i = 0; i < to.Count; i++)
        {
            Required(to[i], $"to[{i}]");
        }
    }

    public static void Validate(LineMessage? message, string field)
    {
        switch (message)
        {
            case null:
                throw new LineMessageValidationException(field, "must not be null");
            case TextMessage text:
                Length(text.Text, $"{field}.text", MaxTextLength);
                break;
            case TemplateMessage template:
                Length(template.AltText, $"{field}.altText", MaxTemplateAltText);
                ValidateTemplate(template.Template, $"{field}.template");
                break;
            case FlexMessage flex:
                Length(flex.AltText, $"{field}.altText", MaxFlexAltText);
                ValidateBubble(flex.Contents, $"{field}.contents");
                break;
            case ImageMessage image:
                ContentUrl(image.OriginalContentUrl, $"{field}.originalContentUrl");
                ContentUrl(image.PreviewImageUrl, $"{field}.previewImageUrl");
                break;
            case VideoMessage video:
                ContentUrl(video.OriginalContentUrl, $"{field}.originalContentUrl");
                ContentUrl(video.PreviewImageUrl, $"{field}.previewImageUrl");
                break;
            case AudioMessage audio:
                ContentUrl(audio.OriginalContentUrl, $"{field}.originalContentUrl");
                if (audio.Duration <= 0)
                {
                    throw new LineMessageValidationException($"{field}.duration", "must be positive (milliseconds)");
                }
                break;
            default:
                throw new LineMessageValidationException(field, $"unsupported message type {message.GetType().Name}");
        }
        if (message.QuickReply is { } quickReply)
        {
            ValidateQuickReply(quickReply, $"{field}.quickReply");
        }
    }

    /// <summary>LINE fetches content itself: HTTPS only, at most 2000 characters.</summary>
    public const int MaxContentUrl = 2000;

    private static void ContentUrl(string? url, string field)
    {
        Length(url, field, MaxContentUrl);
        if (!IsContentUrl(url!))
        {
            throw new LineMessageValidationException(field, "must be an HTTPS URL");
        }
    }

    /// <summary>
    /// HTTPS, as LINE requires. Plain HTTP only to a loopback host: the simulator on a developer's
    /// machine or in a test, which LINE itself could never reach anyway.
    /// </summary>
    public static bool IsContentUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static void ValidateQuickReply(QuickReply quickReply, string field)
    {
        var items = quickReply.Items ?? [];
        if (items.Count is 0 or > MaxQuickReplyItems)
        {
            throw new LineMessageValidationException($"{field}.items", $"1 to {MaxQuickReplyItems} items, got {items.Count}");
        }
        for (var i = 0; i < items.Count; i++)
        {
            ValidateAction(items[i]?.Action, $"{field}.items[{i}].action", MaxActionLabel);
        }
    }

    private static void ValidateTemplate(LineTemplate? template, string field)
    {
        switch (template)
        {
            case ButtonsTemplate buttons:
                Length(buttons.Title, $"{field}.title", MaxButtonsTitle, required: false);
                var textLimit = buttons.Title is not null || buttons.ThumbnailImageUrl is not null ? MaxButtonsTextWithTitle : MaxButtonsText;
                Length(buttons.Text, $"{field}.text", textLimit);
                Actions(buttons.Actions, $"{field}.actions", 1, MaxButtonsActions);
                break;
            case ConfirmTemplate confirm:
                Length(confirm.Text, $"{field}.text", MaxConfirmText);
                Actions(confirm.Actions, $"{field}.actions", 2, 2);
                break;
            default:
                throw new LineMessageValidationException(field, "a buttons or confirm template is required");
        }
    }

    private static void Actions(IReadOnlyList<LineAction>? actions, string field, int min, int max)
    {
        var count = actions?.Count ?? 0;
        if (count < min || count > max)
        {
            throw new LineMessageValidationException(field, min == max ? $"exactly {min} actions, got {count}" : $"{min} to {max} actions, got {count}");
        }
        for (var i = 0; i < count; i++)
        {
            ValidateAction(actions![i], $"{field}[{i}]", MaxActionLabel);
        }
    }

    private static void ValidateBubble(FlexBubble? bubble, string field)
    {
        if (bubble is null)
        {
            throw new LineMessageValidationException(field, "a bubble is required");
        }
        if (bubble.Header is null && bubble.Body is null && bubble.Footer is null)
        {
            throw new LineMessageValidationException(field, "a bubble needs a header, body or footer");
        }
        ValidateComponent(bubble.Header, $"{field}.header");
        ValidateComponent(bubble.Body, $"{field}.body");
        ValidateComponent(bubble.Footer, $"{field}.footer");
    }

    private static void ValidateComponent(FlexComponent? component, string field)
    {
        switch (component)
        {
            case null:
            case FlexSeparator:
                break;
            case FlexBox box:
                if (box.Layout is not ("vertical" or "horizontal" or "baseline"))
                {
                    throw new LineMessageValidationException($"{field}.layout", "must be vertical, horizontal or baseline");
                }
                var contents = box.Contents ?? [];
                for (var i = 0; i < contents.Count; i++)
                {
                    if (contents[i] is null)
                    {
                        throw new LineMessageValidationException($"{field}.contents[{i}]", "must not be null");
                    }
                    ValidateComponent(contents[i], $"{field}.contents[{i}]");
                }
                break;
            case FlexText text:
                Required(text.Text, $"{field}.text");
                break;
            case FlexButton button:
                ValidateAction(button.Action, $"{field}.action", MaxFlexActionLabel);
                break;
        }
    }

    private static void ValidateAction(LineAction? action, string field, int maxLabel)
    {
        switch (action)
        {
            case null:
                throw new LineMessageValidationException(field, "an action is required");
            case PostbackAction postback:
                Length(postback.Data, $"{field}.data", MaxPostbackData);
                Length(postback.DisplayText, $"{field}.displayText", MaxDisplayText, required: false);
                break;
            case MessageAction message:
                Length(message.Text, $"{field}.text", MaxMessageActionText);
                break;
            case UriAction uri:
                Length(uri.Uri, $"{field}.uri", MaxUri);
                if (!Uri.TryCreate(uri.Uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https" or "line" or "tel"))
                {
                    throw new LineMessageValidationException($"{field}.uri", "must be an absolute http, https, line or tel URI");
                }
                break;
            case DatetimePickerAction picker:
                Length(picker.Data, $"{field}.data", MaxPostbackData);
                if (picker.Mode is not ("date" or "time" or "datetime"))
                {
                    throw new LineMessageValidationException($"{field}.mode", "must be date, time or datetime");
                }
                break;
        }
        Length(action.ButtonLabel, $"{field}.label", maxLabel);
    }

    private static void Required(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new LineMessageValidationException(field, "is required");
        }
    }

    /// <summary>Lengths are counted in UTF-16 code units, as LINE documents them.</summary>
    private static void Length(string? value, string field, int max, bool required = true)
    {
        if (value is null || value.Length == 0)
        {
            if (required)
            {
                throw new LineMessageValidationException(field, "is required");
            }
            return;
        }
        if (value.Length > max)
        {
            throw new LineMessageValidationException(field, $"at most {max} characters, got {value.Length}");
        }
    }
}
