using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>A phone consultation of the scripted month, recorded in the console's phone form (each call its own person).</summary>
public sealed record MonthPhoneCall(
    int Number, DateTimeOffset At, string Band, int Minutes, CaseClassification Classification, bool Urgent = false, MonthReferral? Referral = null);
