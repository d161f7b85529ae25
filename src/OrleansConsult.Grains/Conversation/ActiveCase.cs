namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.ActiveCase")]
public sealed record ActiveCase([property: Id(0)] string CaseId, [property: Id(1)] string DispatcherKey);
