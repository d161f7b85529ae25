using OrleansConsult.Abstractions;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Board;

/// <summary>One person of a roster on the console's staff page: who she is in the program, and her presence now.</summary>
public sealed record StaffPresenceRow(StaffMember Member, StaffPresence Presence);
