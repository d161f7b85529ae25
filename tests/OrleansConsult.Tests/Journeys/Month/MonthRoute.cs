namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>How a LINE case of the scripted month reaches a counselor.</summary>
public enum MonthRoute
{
    /// <summary>Toyama open, its counselor on shift: she answers.</summary>
    Local,

    /// <summary>Toyama closed (night, weekend, holiday), the national pool open: its nurse answers.</summary>
    Pool,

    /// <summary>Toyama open but nobody of it on shift, the pool open: the case overflows to the pool.</summary>
    PoolWhileOpen,

    /// <summary>Everything closed: she leaves a message, answered by Toyama's counselor at the next opening.</summary>
    LeftMessage,
}
