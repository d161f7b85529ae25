namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Honest 既読: the consultee's messages are marked read only when a person has them in front of her.
/// The counselor's answer (<see cref="FromCounselorAsync"/>) and accepting the case with the waiting
/// messages (<see cref="ConnectAsync"/>) mark them; so does switching to the case, here.
/// </summary>
public sealed partial class ConsultationGrain
{
    public Task SeenByCounselorAsync(string counselorId) =>
        S.Status == Abstractions.CaseStatus.Connected && S.CounselorId == counselorId
            ? Consultee.MarkReadAsync()
            : Task.CompletedTask;
}
