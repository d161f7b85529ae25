namespace OrleansConsult.Abstractions;

/// <summary>Why a case's supervisors were called.</summary>
[GenerateSerializer, Alias("oc.SupervisorCallReason")]
public enum SupervisorCallReason
{
    /// <summary>Her counselor's /SV.</summary>
    Counselor = 0,
    /// <summary>An urgent (【緊急】) case was accepted: two people on emergencies.</summary>
    Urgent = 1,
    /// <summary>A referral to the police or a child guidance centre was recorded on an urgent case.</summary>
    Referral = 2,
}
