using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A picture, video, voice message or file the counselor sends: fetched from LINE and kept with her
/// current case, then relayed to the consultee as the same kind of message. Where no fetcher is
/// wired (grain tests) the consultee reads the kind instead.
/// </summary>
public sealed partial class CounselorGrain
{
    public async Task<bool> HandleMediaAsync(string staffLineKey, string eventId, InboundMedia media)
    {
        if (S.StaffLineKey is null || S.StaffLineKey != staffLineKey)
        {
            return false;
        }
        _cause = eventId;
        _sent = 0;
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.NoCase"));
            return true;
        }
        var consultation = GrainFactory.GetGrain<IConsultationGrain>(caseId);
        var label = BotText.DescribeNonText(media.Kind);
        MediaRef? stored = null;
        if (ServiceProvider.GetService<IMediaFetcher>() is { } fetcher)
        {
            var tenantId = (await consultation.GetSummaryAsync()).TenantId;
            var staffChannel = GrainKeys.SplitLineUser(staffLineKey).Channel;
            stored = await fetcher.FetchAsync(staffChannel, media, caseId, tenantId, eventId, clock.GetUtcNow());
        }
        var text = stored is null ? label : MediaRelay.TranscriptText(stored);
        if (!await consultation.FromCounselorAsync(Id, eventId, text, stored))
        {
            await ForgetCaseAsync(caseId);
            await SayAsync(BotText.Get("Staff.NoCase"));
        }
        return true;
    }
}
