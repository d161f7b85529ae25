namespace OrleansConsult.Grains.Records;

/// <summary>
/// A tap on a record or referral form, as read back from its postback data: which form (its number), which step,
/// and either a choice's index or a word (next, skip, later, done, noplace, cancel).
/// </summary>
public sealed record FormTap(string Form, long Number, int Step, int? Index, string? Word);
