using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>Offers from her dispatchers: the card with [対応する][見送る], her answer, and an offer taken back.</summary>
public sealed partial class CounselorGrain
{
    public async Task OfferAsync(Offer offer)
    {
        Voice.Begin($"offer/{offer.DispatcherKey}/{offer.OfferNumber}");
        S.LastOfferNumber = offer.DispatcherKey == S.LastOfferFrom ? Math.Max(S.LastOfferNumber, offer.OfferNumber) : offer.OfferNumber;
        S.LastOfferFrom = offer.DispatcherKey;
        if (S.Presence != Presence.Available || S.StaffLineKey is null || !directory.MayTakeOffersFrom(Id, offer.DispatcherKey))
        {
            // Her presence or the roster changed after the dispatcher chose her: hand it straight back.
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(offer.CaseId, Id);
            return;
        }
        S.Offers.RemoveAll(o => o.CaseId == offer.CaseId);
        S.Offers.Add(offer);
        await state.WriteStateAsync();
        await SayAsync(Say.OfferCard(offer, clock.GetUtcNow()));
    }

    private async Task AcceptAsync(string caseId)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            await SayAsync(BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId)));
            return;
        }
        S.Offers.Remove(offer);
        // The dispatcher asks the roster in use: a card still on her phone after she left it is refused there,
        // and the case goes at once to someone who may take it.
        var answer = await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).AcceptOfferAsync(caseId, Id);
        if (answer == OfferAnswer.Assigned
            && await GrainFactory.GetGrain<IConsultationGrain>(caseId).ConnectAsync(Id, S.StaffLineKey!, offer.DispatcherKey))
        {
            S.Active.Add(new ActiveCase(caseId, offer.DispatcherKey));
            S.CurrentCaseId = caseId;
            S.IdleSince = clock.GetUtcNow();
            await state.WriteStateAsync();
            LogAccepted(logger, Id, caseId);
            return;
        }
        await state.WriteStateAsync();
        if (answer == OfferAnswer.Assigned && Rostered is { } member)
        {
            // The case closed between the offer and her tap: give the slot back.
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).UpdateCounselorAsync(Status(member));
        }
        await SayAsync(directory.MayTakeOffersFrom(Id, offer.DispatcherKey)
            ? BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId))
            : Say.OfferReturned(CaseIds.Tag(caseId), OfferReturn.Roster, OfferOutcome.Next, null, TimeSpan.Zero));
    }

    private async Task DeclineAsync(string caseId)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            return;
        }
        S.Offers.Remove(offer);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(caseId, Id);
        await SayAsync(BotText.Format("Staff.Declined", CaseIds.Tag(caseId)));
    }

    public async Task OfferWithdrawnAsync(string caseId, string reason)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            return;
        }
        // The offer number keeps the retry key of each notice its own: the same case can come back twice.
        Voice.Begin($"withdrawn/{caseId}/{offer.OfferNumber}/{reason}");
        S.Offers.Remove(offer);
        await state.WriteStateAsync();
        // She hears why it came back and where the case went.
        if (OfferReturnReason.TryParse(reason, out var why, out var outcome))
        {
            var from = directory.FindDispatcher(offer.DispatcherKey);
            var pool = directory.FindDispatcher(from?.OverflowTo);
            await SayAsync(Say.OfferReturned(CaseIds.Tag(caseId), why, outcome, pool?.Name, from?.OfferRetryPause ?? TimeSpan.Zero));
            return;
        }
        await SayAsync(BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId)));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counselor {CounselorId} accepted case {CaseId}")]
    private static partial void LogAccepted(ILogger logger, string counselorId, string caseId);
}
