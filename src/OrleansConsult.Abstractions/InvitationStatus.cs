namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.InvitationStatus")]
public enum InvitationStatus
{
    Open = 0,
    Used = 1,
    Expired = 2,
    Revoked = 3,
    /// <summary>No invitation has this code.</summary>
    Unknown = 4,
}
