namespace OrleansConsult.Grains.Records;

/// <summary>What a tap did to a LINE form.</summary>
public enum FormOutcome
{
    /// <summary>Stale or forged (another form, another step, a choice that is not there): nothing changed.</summary>
    Ignored,
    /// <summary>The form moved on (or marked a choice): ask the current step.</summary>
    Ask,
    /// <summary>Something to save to the case record now; the form goes on.</summary>
    Save,
    /// <summary>She left the form (あとで, キャンセル): nothing saved by this tap.</summary>
    Leave,
    /// <summary>Finished; nothing more to save.</summary>
    Done,
}
