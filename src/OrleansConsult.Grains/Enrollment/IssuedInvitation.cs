using OrleansConsult.Abstractions;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Enrollment;

/// <summary>A new invitation as the operator hands it over: the code (shown once, never stored) and the line.me link.</summary>
public sealed record IssuedInvitation(StaffInvitation Invitation, StaffMember Staff, string Code, string? Link);
