namespace OrleansConsult.Line.Messaging;

/// <summary>What LINE answered to a successful call. A 409 with an accepted request id is a success: delivered before.</summary>
public sealed record LineApiResult(int StatusCode, string? RequestId, string? AcceptedRequestId = null)
{
    public bool AlreadyAccepted => AcceptedRequestId is not null;
}
