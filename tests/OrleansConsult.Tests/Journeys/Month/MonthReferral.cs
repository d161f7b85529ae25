namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>A referral of the scripted month (from LINE: destination, status and place only; from the console: the rest too).</summary>
public sealed record MonthReferral(
    string Destination, string Status, string Place, DateOnly? AccompaniedOn = null, string? AccompaniedBy = null, int? ShelterNights = null);
