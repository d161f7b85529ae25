namespace OrleansConsult.Host.Quota;

public enum PushQuotaLevel
{
    Ok,

    /// <summary>At or past Line:Quota:WarnAt (80 %).</summary>
    Warn,

    /// <summary>At or past Line:Quota:AlarmAt (95 %): pushes will soon be refused until the month turns.</summary>
    Alarm,
}
