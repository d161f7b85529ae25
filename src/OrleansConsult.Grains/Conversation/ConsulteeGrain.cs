using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Line.Sending;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A consultee on the public account: the bot (welcome, consent, area, menu, FAQ, phones,
/// emergency, crisis words) and, while she has an open case, the relay of what she writes.
/// Without consent nothing is routed or recorded beyond the consent answer.
/// </summary>
public sealed partial class ConsulteeGrain(
    [PersistentState("consultee", StorageNames.State)] IPersistentState<ConsulteeState> state,
    LineTime clock,
    EngineClock engineClock,
    ILineOutbound outbound,
    ProgramDirectory directory,
    ILogger<ConsulteeGrain> logger) : LineUserGrain<ConsulteeState>(state, clock, outbound, logger), IConsulteeGrain
{
    private string _eventId = "";
    private int _sent;

    private ConsulteeState S => State.State;
    private TenantSettings? Tenant => directory.Tenant(S.TenantId);

    protected override LineUserKind Kind => LineUserKind.Consultee;

    public Task<ConsulteeProfile> GetProfileAsync() =>
        Task.FromResult(new ConsulteeProfile(S.Consent, S.TenantId, S.OpenCaseId, S.LastCounselorId));

    // Between two of her events, never in the middle of one (her events are worked outside this request).
    public Task CaseClosedAsync(string caseId, string? counselorId, DateTimeOffset closedAt) => BetweenEventsAsync(async () =>
    {
        if (S.OpenCaseId != caseId)
        {
            return;
        }
        S.OpenCaseId = null;
        S.LastCounselorId = counselorId ?? S.LastCounselorId;
        S.LastCaseClosedAt = closedAt;
        await WriteAsync();
    });

    protected override async Task HandleAsync(InboundLineEvent e)
    {
        _eventId = e.WebhookEventId;
        _sent = 0;
        switch (e.Type)
        {
            case "follow":
                S.Blocked = false;
                await SayAsync(S.Consent == true ? [Say.WithMenu(BotText.Get("Welcome"))] : Say.Welcome());
                break;
            case "unfollow":
                S.Blocked = true;
                if (S.OpenCaseId is { } open)
                {
                    await Case(open).ConsulteeLeftAsync(LineUserKey);
                    S.OpenCaseId = null;
                }
                break;
            case "postback":
                await OnPostbackAsync(e.PostbackData ?? "");
                break;
            case "message" when e.MessageType == "text":
                await OnTextAsync(e, (e.Text ?? "").Trim());
                break;
            case "message":
                if (S.OpenCaseId is { } caseId)
                {
                    if (e.Media is { } media && S.TenantId is { } tenantId && ServiceProvider.GetService<IMediaFetcher>() is { } fetcher)
                    {
                        // Fetched in her own grain's turn, not the case's: a slow download holds up only her.
                        var stored = await fetcher.FetchAsync(Channel, media, caseId, tenantId, e.WebhookEventId, e.Timestamp);
                        await RelayAsync(e, MediaRelay.TranscriptText(stored), crisis: false, stored);
                    }
                    else
                    {
                        await RelayAsync(e, BotText.DescribeNonText(e.MessageType ?? ""), crisis: false);
                    }
                }
                else
                {
                    await SayAsync(Say.WithMenu(BotText.Get("MenuPrompt")));
                }
                break;
        }
    }

    private async Task OnPostbackAsync(string data)
    {
        if (await AnswerErasureAsync(data))
        {
            return;
        }
        if (data == Say.ConsentYes)
        {
            await ConsentAsync(true);
        }
        else if (data == Say.ConsentNo)
        {
            await ConsentAsync(false);
        }
        else if (data == Say.LeaveMessage && S.OpenCaseId is { } open)
        {
            await Case(open).LeaveMessageAsync(LineUserKey);
        }
        else if (data == Say.PhonesPostback)
        {
            await SayAsync(Say.Phones(Tenant, S.TenantId is null ? null : directory.PoolFor(S.TenantId)));
        }
        else if (data == Say.EmergencyPostback)
        {
            await SayAsync(Say.Emergency(directory.Program.Crisis));
        }
        else if (data.StartsWith(Say.SurveyPrefix, StringComparison.Ordinal)
                 && data[Say.SurveyPrefix.Length..].Split(':') is [var caseId, var scoreText]
                 && int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var score))
        {
            if (await Case(caseId).AnswerSurveyAsync(LineUserKey, score))
            {
                await SayAsync(Say.WithMenu(BotText.Get("SatisfactionThanks")));
            }
        }
    }

    private async Task ConsentAsync(bool agreed)
    {
        S.Consent = agreed;
        if (!agreed)
        {
            await SayAsync(Say.WithMenu(BotText.Get("ConsentDeclined")));
        }
        else if (S.TenantId is null)
        {
            await SayAsync(new Outgoing(BotText.Get("ConsentThanks") + "\n" + Say.AskArea(directory.Program)));
        }
        else
        {
            await SayAsync(Say.WithMenu(BotText.Get("ConsentThanks") + "\n" + BotText.Format("AreaSet", S.AreaName ?? "")));
        }
    }

    private async Task OnTextAsync(InboundLineEvent e, string text)
    {
        if (text == BotText.Get("Erasure.Command"))
        {
            // Never relayed, whatever her state: the bot asks her to confirm.
            await AskErasureAsync();
            return;
        }
        var crisis = directory.Program.Crisis.FindCrisisWord(text) is not null;
        if (crisis)
        {
            // Safety first, whatever else happens with this message.
            await SayAsync(new Outgoing(BotText.Get("CrisisReply")), Say.Emergency(directory.Program.Crisis));
        }

        if (S.OpenCaseId is not null)
        {
            if (!await AnswerMenuAsync(text, inCase: true))
            {
                await RelayAsync(e, text, crisis);
            }
            return;
        }

        if (S.Consent != true)
        {
            await WithoutConsentAsync(text);
            return;
        }
        if (S.TenantId is null || text == BotText.Get("AreaChange"))
        {
            await ChooseAreaAsync(e, text, crisis);
            return;
        }
        if (directory.Areas.ByEntryCode(text) is { } byCode)
        {
            await SetAreaAsync(byCode, byCode.Areas[0].Name);
            return;
        }
        if (crisis)
        {
            await OpenCaseAsync(e, urgent: true, firstText: text);
            return;
        }
        if (await AnswerMenuAsync(text, inCase: false))
        {
            return;
        }
        if (Say.MatchFaq(Tenant, text) is { } faq)
        {
            await SayAsync(Say.WithMenu(faq.Answer));
            return;
        }
        await SayAsync(Say.WithMenu(BotText.Get("MenuPrompt")));
    }

    /// <summary>The four menu items; true when the text was one of them.</summary>
    private async Task<bool> AnswerMenuAsync(string text, bool inCase)
    {
        if (text == BotText.Get("MenuChat"))
        {
            if (inCase && await Case(S.OpenCaseId!).RetryRoutingAsync(LineUserKey) != CaseStatus.Closed)
            {
                return true;
            }
            // Not in a case, or hers ended before she heard of it here (its closing news is a one-way
            // call that may still be on its way): a new case, never silence.
            S.OpenCaseId = null;
            await OpenCaseAsync(null, urgent: false, firstText: null);
            return true;
        }
        if (text == BotText.Get("MenuFaq"))
        {
            await SayAsync(Tenant is { } tenant ? Say.FaqList(tenant) : Say.WithMenu(BotText.Get("FaqNone")));
            return true;
        }
        if (text == BotText.Get("MenuPhone"))
        {
            await SayAsync(Say.Phones(Tenant, S.TenantId is null ? null : directory.PoolFor(S.TenantId)));
            return true;
        }
        if (text == BotText.Get("MenuEmergency"))
        {
            await SayAsync(Say.Emergency(directory.Program.Crisis));
            return true;
        }
        return false;
    }

    /// <summary>Public information only; an entry code still sets the area so consent is the last step.</summary>
    private async Task WithoutConsentAsync(string text)
    {
        if (text == BotText.Get("ConsentAgree"))
        {
            await ConsentAsync(true);
            return;
        }
        if (text == BotText.Get("ConsentDecline"))
        {
            await ConsentAsync(false);
            return;
        }
        if (directory.Areas.ByEntryCode(text) is { } byCode)
        {
            S.TenantId = byCode.Id;
            S.AreaName = byCode.Areas[0].Name;
            await SayAsync(S.Consent is null ? Say.Welcome() : [Say.AskConsent()]);
            return;
        }
        if (text != BotText.Get("MenuChat") && await AnswerMenuAsync(text, inCase: false))
        {
            return;
        }
        if (Say.MatchFaq(Tenant, text) is { } faq)
        {
            await SayAsync(Say.WithMenu(faq.Answer));
            return;
        }
        await SayAsync(S.Consent is null ? Say.Welcome() : [Say.AskConsent()]);
    }

    private async Task ChooseAreaAsync(InboundLineEvent e, string text, bool crisis)
    {
        if (text == BotText.Get("AreaChange"))
        {
            S.TenantId = null;
            await SayAsync(new Outgoing(Say.AskArea(directory.Program)));
            return;
        }
        if (await AnswerMenuAsync(text, inCase: false))
        {
            return;
        }
        var match = directory.Areas.Find(text);
        if (match.Found)
        {
            var tenant = match.Tenant!;
            var name = tenant.Areas.FirstOrDefault(a => TextFolding.Fold(a.Name) == TextFolding.Fold(text))?.Name ?? tenant.Areas[0].Name;
            await SetAreaAsync(tenant, name);
            if (crisis)
            {
                await OpenCaseAsync(e, urgent: true, firstText: text);
            }
            return;
        }
        var suggestions = match.Suggestions.Select(t => new Choice(t.Areas[0].Name)).ToList();
        var reply = BotText.Format("AreaUnknown", text.Length > 20 ? text[..20] : text);
        if (suggestions.Count > 0)
        {
            reply += "\n" + BotText.Format("AreaSuggestions", string.Join("、", suggestions.Select(c => c.Label)));
        }
        await SayAsync(new Outgoing(reply, suggestions.Count > 0 ? suggestions : null));
    }

    private async Task SetAreaAsync(TenantSettings tenant, string areaName)
    {
        S.TenantId = tenant.Id;
        S.AreaName = areaName;
        await SayAsync(Say.WithMenu(BotText.Format("AreaSet", areaName)));
    }

    private async Task OpenCaseAsync(InboundLineEvent? e, bool urgent, string? firstText)
    {
        var tenant = Tenant!;
        var now = engineClock.GetUtcNow();
        var returning = S.LastCaseClosedAt is { } closed && now - closed <= tenant.Timeouts.ReturningConsulteeWindow;
        var request = new CaseRequest(tenant.Id, S.AreaName ?? tenant.Areas[0].Name, LineUserKey,
            urgent, returning ? S.LastCounselorId : null, firstText);
        // The same event always makes the same case (a full-length hash): working it again after a crash
        // opens nothing new. Should the id ever belong to someone else's case, the case refuses her and
        // she gets the next id of the same cause.
        var cause = $"{LineUserKey}/{e?.WebhookEventId ?? _eventId}";
        for (var attempt = 0; ; attempt++)
        {
            var caseId = CaseIds.For(attempt == 0 ? cause : $"{cause}/{attempt}");
            S.OpenCaseId = caseId;
            if (await Case(caseId).OpenAsync(request))
            {
                Loading.Start();
                return;
            }
        }
    }

    private async Task RelayAsync(InboundLineEvent e, string text, bool crisis, MediaRef? media = null)
    {
        var status = await Case(S.OpenCaseId!).FromConsulteeAsync(LineUserKey, e.WebhookEventId, e.Timestamp, text, crisis, media);
        if (status == CaseStatus.Waiting)
        {
            Loading.Start();
        }
        if (status == CaseStatus.Closed)
        {
            // The case ended while her message was on its way: the bot answers instead.
            S.OpenCaseId = null;
            await SayAsync(Say.WithMenu(BotText.Get("ConsulteeEndedNotice") + "\n" + BotText.Get("MenuPrompt")));
        }
    }

    private IConsultationGrain Case(string caseId) => GrainFactory.GetGrain<IConsultationGrain>(caseId);

    private LoadingWhileWaiting? _loading;

    /// <summary>LINE's loading animation while her case waits for a counselor.</summary>
    private LoadingWhileWaiting Loading => _loading ??= new LoadingWhileWaiting(this,
        async () => S.OpenCaseId is { } open && !S.Blocked && (await Case(open).GetSummaryAsync()).Status == CaseStatus.Waiting,
        () => Signals.ShowLoadingAsync(Channel, LineUserId, LoadingWhileWaiting.Seconds));

    private Task SayAsync(params Outgoing[] messages) => SayAsync((IReadOnlyList<Outgoing>)messages);

    private async Task SayAsync(IReadOnlyList<Outgoing> messages)
    {
        if (S.Blocked)
        {
            return;
        }
        await DeliverAsync(messages, RetryKeys.For($"{LineUserKey}/{_eventId}/bot/{_sent++}"));
    }
}
