namespace OrleansConsult.Tenancy;

public sealed record EmergencyContact(string Label, string Number, string Note);
