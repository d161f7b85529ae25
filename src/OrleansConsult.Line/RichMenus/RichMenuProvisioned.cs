namespace OrleansConsult.Line.RichMenus;

/// <summary>What making sure of one menu did: its id, whether it was new, and what was cleaned away.</summary>
public sealed record RichMenuProvisioned(string RichMenuId, bool Created, int DuplicatesDeleted, int OlderVersionsDeleted);
