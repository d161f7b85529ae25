using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>A consultee on the consultee channel, keyed "{channel}:{lineUserId}".</summary>
[Alias("oc.IConsulteeGrain")]
public interface IConsulteeGrain : ILineUserGrain
{
    /// <summary>Her case ended (by the counselor, idle, or transfer failure): the bot takes over again.</summary>
    [OneWay, Alias("CaseClosed")]
    Task CaseClosedAsync(string caseId, string? counselorId, DateTimeOffset closedAt);

    [Alias("GetProfile")]
    Task<ConsulteeProfile> GetProfileAsync();
}
