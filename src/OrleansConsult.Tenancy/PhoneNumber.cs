namespace OrleansConsult.Tenancy;

public sealed record PhoneNumber(string Label, string Number, string HoursText);
