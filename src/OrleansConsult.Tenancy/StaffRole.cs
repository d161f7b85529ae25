namespace OrleansConsult.Tenancy;

/// <summary>
/// A staff member's role. A <see cref="Supervisor"/> (スーパーバイザー) comes on shift like the others and is
/// called by /SV and urgent cases; she takes offers only when her roster entry says "TakesCases": true.
/// </summary>
public enum StaffRole { Counselor, Midwife, Nurse, PublicHealthNurse, Supervisor }
