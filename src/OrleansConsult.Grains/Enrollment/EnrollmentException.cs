namespace OrleansConsult.Grains.Enrollment;

/// <summary>A refusal of an enrollment command, worded for the operator.</summary>
public sealed class EnrollmentException(string message) : Exception(message);
