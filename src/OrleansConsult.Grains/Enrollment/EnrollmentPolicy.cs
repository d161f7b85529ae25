namespace OrleansConsult.Grains.Enrollment;

/// <summary>
/// How staff may enroll. Invitations always work; the codes written in the program file (the
/// samples') only where <see cref="AcceptProgramFileCodes"/> is set, which the Host does in
/// Development alone: anything shipped with a code in it must not let a reader enroll.
/// </summary>
public sealed record EnrollmentPolicy(bool AcceptProgramFileCodes);
